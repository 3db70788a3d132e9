package io.github.sibench.benchmark.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.random.SeedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingTest {

    private static double[] normal(SplittableRandom rng, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * rng.nextGaussian();
        }
        return v;
    }

    @Test
    void seedSummaryIsMeanAndSampleStd() {
        SeedSummary s = SeedSummary.of(new double[] {1, 2, 3, 6});
        assertEquals(3, s.mean(), 1e-15);
        assertEquals(Math.sqrt(14.0 / 3), s.std(), 1e-15);
        assertEquals(0, SeedSummary.of(new double[] {2}).std());
    }

    /**
     * Two models from one distribution (n = 10 seeds): a correct 95% test ties them in about 95% of
     * repetitions; the percentile bootstrap of a mean under-covers at n = 10 (about 0.90). Over R = 200
     * repetitions the tie rate has standard error sqrt(0.1 * 0.9 / 200) = 0.021, so > 0.90 - 4 * 0.021 = 0.81
     * fails with probability below 1e-4 for a correct implementation; a test that never ties fails it.
     */
    @Test
    void sameDistributionIsTiedAndSeparatedModelsAreNot() {
        SplittableRandom rng = new SplittableRandom(31);
        int ties = 0;
        int reps = 200;
        for (int r = 0; r < reps; r++) {
            Map<String, double[]> v = new LinkedHashMap<>();
            v.put("a", normal(rng, 10, 1, 0.2));
            v.put("b", normal(rng, 10, 1, 0.2));
            Ranking ranking = Ranking.of("fid", Direction.LOWER_IS_BETTER, v, 200, SeedTree.root(r));
            if (ranking.entries().get(0).rank() == 1 && ranking.entries().get(1).rank() == 1) {
                ties++;
            }
        }
        assertTrue(ties > 0.81 * reps, "ties " + ties + " of " + reps);

        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("worst", normal(rng, 5, 3, 0.2));
        v.put("best", normal(rng, 5, 1, 0.2));
        v.put("middle", normal(rng, 5, 2, 0.2));
        Ranking ranking = Ranking.of("fid", Direction.LOWER_IS_BETTER, v, 500, SeedTree.root(1));
        assertEquals(List.of("best", "middle", "worst"), ranking.entries().stream().map(Ranking.Entry::model)
                .toList());
        assertEquals(List.of(1, 2, 3), ranking.entries().stream().map(Ranking.Entry::rank).toList());
        Ranking higher = Ranking.of("recall", Direction.HIGHER_IS_BETTER, v, 500, SeedTree.root(1));
        assertEquals("worst", higher.entries().get(0).model());
    }

    /** Pairing: a large shared per-seed effect does not hide a small consistent gap. */
    @Test
    void pairedTestRemovesSharedSeedVariation() {
        double[] shared = normal(new SplittableRandom(2), 8, 0, 5);
        double[] a = shared.clone();
        double[] b = shared.clone();
        SplittableRandom rng = new SplittableRandom(3);
        for (int s = 0; s < 8; s++) {
            a[s] += 1 + 0.05 * rng.nextGaussian();
            b[s] += 2 + 0.05 * rng.nextGaussian();
        }
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("a", a);
        v.put("b", b);
        Ranking r = Ranking.of("fid", Direction.LOWER_IS_BETTER, v, 500, SeedTree.root(9));
        assertEquals(1, r.entry("a").rank());
        assertEquals(2, r.entry("b").rank());
    }

    /** A tied pair at the top shares rank 1; the next model gets 3; top 2 breaks the tie by mean, then name. */
    @Test
    void competitionRanksAndTopKTieBreak() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("zeta", new double[] {1.0, 1.2, 0.9, 1.1});
        v.put("alpha", new double[] {1.2, 1.0, 1.1, 0.9}); // same mean as zeta, order by name
        v.put("beta", new double[] {5.0, 5.1, 4.9, 5.2});
        v.put("gamma", new double[] {1.3, 0.9, 1.2, 1.0}); // tied with the first two (differences change sign)
        Ranking r = Ranking.of("fid", Direction.LOWER_IS_BETTER, v, 1000, SeedTree.root(3));
        assertEquals(List.of("alpha", "zeta", "gamma", "beta"), r.entries().stream().map(Ranking.Entry::model)
                .toList());
        assertEquals(List.of(1, 1, 1, 4), r.entries().stream().map(Ranking.Entry::rank).toList());
        assertEquals(List.of("gamma", "zeta"), r.entry("alpha").tiedWith());
        assertEquals(List.of("alpha", "zeta"), r.top(2).stream().map(Ranking.Entry::model).toList());
        assertThrows(IllegalArgumentException.class, () -> r.top(0));
    }

    @Test
    void rejectsUnpairedInput() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("a", new double[] {1, 2, 3});
        v.put("b", new double[] {1, 2});
        assertThrows(IllegalArgumentException.class,
                () -> Ranking.of("fid", Direction.LOWER_IS_BETTER, v, 200, SeedTree.root(1)));
    }

    @Test
    void csvFilesHaveTheDocumentedColumns(@TempDir Path dir) throws Exception {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("a", new double[] {1, 1.1, 0.9});
        v.put("b", new double[] {2, 2.1, 1.9});
        Ranking toy = Ranking.of("fid_y", Direction.LOWER_IS_BETTER, v, 200, SeedTree.root(1));
        Ranking image = Ranking.of("kid", Direction.LOWER_IS_BETTER, v, 200, SeedTree.root(2));
        Consistency c = Consistency.assess(toy, image, toy.bootstrapMeans(200, SeedTree.root(3)),
                image.bootstrapMeans(200, SeedTree.root(4)));
        RankingCsv.Labelled t = new RankingCsv.Labelled("seed-toy", "unsup", toy);
        RankingCsv.Labelled i = new RankingCsv.Labelled("cifar-100", "unsup", image);
        RankingCsv.writeRanking(dir, List.of(t, i));
        RankingCsv.writeConsistency(dir, List.of(new RankingCsv.Comparison(t, i, c)));
        List<String> ranking = Files.readAllLines(dir.resolve("ranking.csv"));
        assertEquals(String.join(",", RankingCsv.RANKING_COLUMNS), ranking.get(0));
        assertEquals(5, ranking.size());
        assertTrue(ranking.get(1).startsWith("seed-toy,unsup,fid_y,lower,1,a,"), ranking.get(1));
        // the interval of a's mean over seeds {1, 1.1, 0.9} lies within the range of its values
        String[] a = ranking.get(1).split(",");
        double low = Double.parseDouble(a[8]);
        double high = Double.parseDouble(a[9]);
        assertTrue(0.9 <= low && low <= 1 && 1 <= high && high <= 1.1, ranking.get(1));
        List<String> consistency = Files.readAllLines(dir.resolve("consistency.csv"));
        assertEquals(String.join(",", RankingCsv.CONSISTENCY_COLUMNS), consistency.get(0));
        assertTrue(consistency.get(1).contains(",consistent,"), consistency.get(1));
        assertTrue(consistency.get(1).startsWith("unsup,seed-toy,cifar-100,fid_y,kid,a;b,\"a:1:"), consistency.get(1));
        assertTrue(consistency.get(1).startsWith("unsup,seed-toy,cifar-100,fid_y,kid,a;b,\"a:1:"), consistency.get(1));
    }
}
