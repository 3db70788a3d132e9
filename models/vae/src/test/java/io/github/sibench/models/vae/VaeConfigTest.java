package io.github.sibench.models.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.vae.VaeConfig.DecoderVariance;
import io.github.sibench.models.vae.VaeConfig.Prior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class VaeConfigTest {

    private static void rejected(String fragment, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith("vae: ") && e.getMessage().contains(fragment), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void badSettingsAreRejectedWithAMessageNamingTheField() {
        DecoderVariance l = DecoderVariance.LEARNED;
        rejected("prior is required (one of [normal, mog, vamp])",
                () -> new VaeConfig(null, 4, 2, 16, -10, 10, 1, 0, l, -2, 1));
        rejected("latentDim1 must be in [1, 4096], got 0", () -> new VaeConfig(Prior.MOG, 0, 2, 16, -10, 10, 1, 0, l, -2, 1));
        rejected("latentDim2 must be in [1, 4096], got -3", () -> new VaeConfig(Prior.MOG, 4, -3, 16, -10, 10, 1, 0, l, -2, 1));
        rejected("components must be in [1, 4096], got 0", () -> new VaeConfig(Prior.VAMP, 4, 2, 0, -10, 10, 1, 0, l, -2, 1));
        rejected("need finite logVarMin < logVarMax, got logVarMin=5.0, logVarMax=5.0",
                () -> new VaeConfig(Prior.MOG, 4, 2, 16, 5, 5, 1, 0, l, 5, 1));
        rejected("logVarMax=Infinity", () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, Double.POSITIVE_INFINITY, 1, 0, l, -2, 1));
        rejected("beta must be finite and > 0, got 0.0", () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 0, 0, l, -2, 1));
        rejected("beta must be finite and > 0, got NaN", () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, Double.NaN, 0, l, -2, 1));
        rejected("klWarmup must be in [0, 1), got 1.0", () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 1, l, -2, 1));
        rejected("decoderVariance is required (one of [learned, network, fixed])",
                () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, null, -2, 1));
        rejected("decoderLogVar must be in [logVarMin, logVarMax] = [-10.0, 10.0], got -11.0",
                () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, l, -11, 1));
        rejected("widthScale must be in (0, 1]", () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, l, -2, 0));
        rejected("got 1.5", () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, l, -2, 1.5));
        rejected("got NaN", () -> new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, l, -2, Double.NaN));
    }

    @Test
    void widthScaleNarrowsEveryNetworkAndKeepsTheRestOfTheBackbone() {
        BackboneConfig backbone = new BackboneConfig(1024, 1, 16);
        assertEquals(backbone, VaeConfig.defaults().network(backbone), "scale 1: the backbone itself");
        VaeConfig half = new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, DecoderVariance.LEARNED, -2, 0.5);
        assertEquals(new BackboneConfig(512, 1, 16), half.network(backbone));
        assertEquals(new BackboneConfig(1, 2, 8), half.network(new BackboneConfig(1, 2, 8)), "never below 1");
        assertEquals(43, new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, DecoderVariance.LEARNED, -2, 1.0 / 3)
                .network(backbone(128)).hidden(), "round(128 / 3)");
    }

    private static BackboneConfig backbone(int hidden) {
        return new BackboneConfig(hidden, 2, 16);
    }

    @Test
    void defaults() {
        VaeConfig c = VaeConfig.defaults();
        assertEquals(new VaeConfig(Prior.VAMP, 4, 2, 16, -10, 10, 1, 0, DecoderVariance.LEARNED, -2, 1), c);
        assertEquals(Prior.MOG, c.withPrior(Prior.MOG).prior());
        assertEquals(VaeConfig.of(Prior.NORMAL), c.withPrior(Prior.NORMAL));
    }

    @Test
    void klWeightRampsUpLinearlyToBetaOverTheWarmup() {
        VaeConfig c = new VaeConfig(Prior.NORMAL, 2, 2, 16, -10, 10, 0.5, 0.25, DecoderVariance.FIXED, -2, 1);
        // 100 steps, warm-up over W = 25: b = 0.5 (step + 1) / 25 for step < 25, then 0.5
        assertEquals(0.5 / 25, c.klWeight(0, 100), 1e-12);
        assertEquals(0.5 * 13 / 25, c.klWeight(12, 100), 1e-12);
        assertEquals(0.5, c.klWeight(24, 100), 1e-12);
        assertEquals(0.5, c.klWeight(25, 100), 1e-12);
        assertEquals(0.5, c.klWeight(99, 100), 1e-12);
        assertEquals(0.5, c.klWeight(0, 3), 1e-12, "a warm-up shorter than one step is none");
        assertEquals(1, VaeConfig.defaults().klWeight(0, 100));
    }

    @Test
    void jsonUsesLowercaseNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(VaeConfig.of(Prior.MOG));
        assertTrue(text.contains("\"prior\":\"mog\"") && text.contains("\"decoderVariance\":\"learned\""), text);
        assertEquals(VaeConfig.of(Prior.MOG), json.readValue(text, VaeConfig.class));
        VaeConfig fixed = json.readValue(text.replace("\"learned\"", "\"fixed\"").replace("\"mog\"", "\"vamp\""),
                VaeConfig.class);
        assertEquals(Prior.VAMP, fixed.prior());
        assertEquals(DecoderVariance.FIXED, fixed.decoderVariance());
        Exception e = assertThrows(Exception.class,
                () -> json.readValue(text.replace("\"mog\"", "\"gauss\""), VaeConfig.class));
        assertTrue(e.getMessage().contains("unknown prior 'gauss'; known priors: [normal, mog, vamp]"), e.getMessage());
        Exception bad = assertThrows(Exception.class,
                () -> json.readValue(text.replace("\"latentDim1\":4", "\"latentDim1\":0"), VaeConfig.class));
        assertTrue(bad.getMessage().contains("latentDim1 must be in [1, 4096], got 0"), bad.getMessage());
    }
}
