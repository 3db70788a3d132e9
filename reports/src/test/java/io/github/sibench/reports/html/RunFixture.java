package io.github.sibench.reports.html;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small run directory in the exact formats the benchmark writes: two toy models (one with a name full of
 * HTML, one whose Euler sampler runs at two step counts, so that the NFE ablation shows), a failed row,
 * summary, ranking, consistency and agreement tables, samples, the toy's density grid and training
 * points, loss curves and image grids.
 */
final class RunFixture {

    static final String EVIL = "evil<script>&co";
    static final String EVIL_CONFIG = "<script>alert('cfg')</script> & friends";

    private RunFixture() {}

    static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            StringBuilder results = new StringBuilder(
                    "status,reason,model,interpolant,setting,sampler,sampler_label,steps,nfe,dataset,ambient_dim,"
                            + "n_train,seed,fid_y,fid_y_ci_low,fid_y_ci_high,classifier_fd\n");
            for (int seed = 0; seed < 2; seed++) {
                results.append(row("fm", "euler", "euler-10", 10, 10, seed, 0.05 + 0.01 * seed));
                results.append(row("fm", "euler", "euler-50", 50, 50, seed, 0.02 + 0.01 * seed));
                results.append(row(EVIL, "heun", "heun-25", 25, 49, seed, 0.03 + 0.002 * seed));
            }
            results.append("failed,\"loss turned NaN & <b>stopped</b>\",vp,vp,unsup,em,em-100,100,100,seed-toy,"
                    + "64,1000,0,,,,\n");
            Files.writeString(dir.resolve("results.csv"), results);
            Files.writeString(dir.resolve("config.json"), "{\"profile\": \"quick\", \"note\": \""
                    + EVIL_CONFIG.replace("\"", "\\\"") + "\", \"seeds\": [0, 1]}");
            Files.writeString(dir.resolve("environment.json"), "{\"gitCommit\": \"abc123\", \"gitDirty\": false,"
                    + " \"java\": \"17\", \"started\": \"2026-01-01T00:00:00Z\", \"ended\": \"2026-01-01T00:10:00Z\"}");
            Files.writeString(dir.resolve("summary.csv"), "dataset,setting,model,sampler_label,metric,mean,std,"
                    + "n_seeds,failed_seeds\n"
                    + "seed-toy,unsup,fm,euler-10,fid_y,0.055,0.007,2,0\n"
                    + "seed-toy,unsup,fm,euler-50,fid_y,0.025,0.007,2,0\n"
                    + "seed-toy,unsup,\"" + EVIL + "\",heun-25,fid_y,0.031,0.0014,2,0\n"
                    + "seed-toy,unsup,fm,euler-10,mass_tv,0.1,0.01,2,0\n"
                    + "seed-toy,unsup,fm,euler-50,mass_tv,0.05,0.01,2,0\n"
                    + "seed-toy,unsup,\"" + EVIL + "\",heun-25,mass_tv,0.07,0.02,2,0\n");
            Files.writeString(dir.resolve("columns.json"), "{\"fid_y\": {\"direction\": \"lower\", \"description\":"
                    + " \"Frechet distance of means & covariances in the plane\"}, \"mass_tv\": {\"direction\":"
                    + " \"lower\", \"description\": \"total variation of class masses\"}}");
            Files.writeString(dir.resolve("ranking.csv"), "dataset,setting,metric,direction,rank,model,mean,std,"
                    + "ci_low,ci_high,n_seeds,tied_with,resamples\n"
                    + "seed-toy,unsup,fid_y,lower,1,fm,0.025,0.007,0.02,0.03,2,\"" + EVIL + "\",2000\n"
                    + "seed-toy,unsup,fid_y,lower,1,\"" + EVIL + "\",0.031,0.0014,0.03,0.032,2,fm,2000\n");
            Files.writeString(dir.resolve("consistency.csv"), "setting,toy_dataset,image_dataset,toy_metric,"
                    + "image_metric,models,toy_ranking,image_ranking,kendall_tau_b,spearman_rho,"
                    + "agreement_probability,resamples,verdict,reason\n"
                    + "unsup,seed-toy,cifar-100,fid_y,classifier_fd,fm;vp,\"fm:1:0.025[0.02,0.03];vp:2:0.04[0.035,"
                    + "0.045]\",\"fm:1:70.1[69,71];vp:2:80[79,81]\",1.0,1.0,0.97,2000,consistent,"
                    + "\"orders agree: tau=1.0, p(agree)=0.97 >= 0.9\"\n");
            Files.writeString(dir.resolve("agreement.csv"), "metric,fid_y,mass_tv\nfid_y,1.0,0.33\n"
                    + "mass_tv,0.33,1.0\n");
            Files.createDirectories(dir.resolve("samples"));
            for (String stem : new String[] {"fm_unsup_euler-10_seed0", "fm_unsup_euler-50_seed0",
                "fm_unsup_euler-10_seed1", EVIL + "_unsup_heun-25_seed0"}) {
                StringBuilder s = new StringBuilder("y0,y1,residual,log_density,assigned_class,requested_class\n");
                for (int i = 0; i < 300; i++) {
                    double a = 2 * Math.PI * i / 300;
                    s.append(String.format(Locale.ROOT, "%.4f,%.4f,0.001,-1.5,%d,%n", Math.cos(a) * (1 + i % 3),
                            Math.sin(a) * (1 + i % 3), i % 4 == 3 ? -1 : i % 3));
                }
                Files.writeString(dir.resolve("samples/" + stem + ".csv"), s);
            }
            Files.createDirectories(dir.resolve("toy"));
            StringBuilder density = new StringBuilder("Y0,Y1,density\n");
            for (int j = 0; j < 20; j++) {
                for (int i = 0; i < 30; i++) {
                    double x = -4 + 8.0 * i / 29;
                    double y = -4 + 8.0 * j / 19;
                    density.append(String.format(Locale.ROOT, "%.5f,%.5f,%.6g%n", x, y,
                            Math.exp(-(x * x + y * y) / 2) / (2 * Math.PI)));
                }
            }
            Files.writeString(dir.resolve("toy/density.csv"), density);
            StringBuilder train = new StringBuilder("Y0,Y1,class\n");
            for (int i = 0; i < 90; i++) {
                train.append(String.format(Locale.ROOT, "%.3f,%.3f,%d%n", Math.cos(i) * 2, Math.sin(i) * 2, i % 3));
            }
            Files.writeString(dir.resolve("toy/train.csv"), train);
            Files.createDirectories(dir.resolve("losses"));
            for (String model : new String[] {"fm", "flow-matching"}) {
                for (int seed = 0; seed < 2; seed++) {
                    StringBuilder l = new StringBuilder("step,loss\n");
                    for (int step = 1; step <= 600; step++) {
                        l.append(step).append(',').append(1.0 / Math.sqrt(step) + 0.01 * seed).append('\n');
                    }
                    Files.writeString(dir.resolve("losses/seed-toy_" + model + "_unsup_seed" + seed + ".csv"), l);
                }
            }
            Files.createDirectories(dir.resolve("grids"));
            png(dir.resolve("grids/real.png"), Color.GREEN);
            png(dir.resolve("grids/fm_unsup_euler-10_seed0.png"), Color.RED);
            png(dir.resolve("grids/fm_cfg_euler-10_seed0_classes.png"), Color.BLUE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String model, String sampler, String label, int steps, int nfe, int seed,
            double fid) {
        String quoted = model.contains(",") || model.contains("\"") ? "\"" + model.replace("\"", "\"\"") + "\""
                : model;
        return String.format(Locale.ROOT, "ok,,%s,linear,unsup,%s,%s,%d,%d,seed-toy,64,1000,%d,%s,%s,%s,%n",
                quoted, sampler, label, steps, nfe, seed, fid, fid * 0.8, fid * 1.2);
    }

    static void png(Path path, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? colour.getRGB() : Color.WHITE.getRGB());
            }
        }
        ImageIO.write(image, "png", path.toFile());
    }
}
