package io.github.sibench.benchmark.images;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Image features from a TorchScript file the user supplies, loaded through DJL's PyTorch engine
 * ({@code torch::jit::load}); never downloaded. Made for NVIDIA's {@code inception-2015-12-05.pt}
 * ({@value #OFFICIAL_URL}), the TorchScript translation of TensorFlow's 2015 Inception graph that
 * StyleGAN2-ADA's metrics and clean-fid load: its {@code forward(img, return_features=True)} returns the
 * 2048 pool features of FID (Heusel et al. 2017).
 *
 * <p>Calling convention (StyleGAN2-ADA, {@code metrics/frechet_inception_distance.py} and
 * {@code metrics/metric_utils.py}): {@code img} is an N x 3 x H x W tensor of pixel values in [0, 255]
 * (StyleGAN2-ADA passes uint8; the module's first step is {@code img.to(torch.float32)}, so float32 values
 * 0..255 are the same input) at any resolution: the module resizes to 299 x 299 itself (bilinear
 * {@code affine_grid}/{@code grid_sample}) and normalises with {@code (x - 128) / 128}. Grayscale images are
 * repeated to 3 channels first, as StyleGAN2-ADA does. So images are passed here at their own resolution
 * (32 x 32 or 16 x 16), as StyleGAN2-ADA passes CIFAR-10; clean-fid's default mode differs: it resizes with
 * PIL bicubic to 299 x 299 itself and calls the module's inner {@code layers}, so its numbers differ slightly.
 *
 * <p>Pixels come in the suite's convention (NCHW floats in [-1, 1]) and are mapped to the 8-bit values of
 * {@code Pixels.quantize}: {@code q = round((v + 1) * 127.5)} clamped to [0, 255] (NaN as 0, mid-grey), so
 * images already quantized pass exactly the bytes written to disk.
 *
 * <p>Images go through the module {@link #batchSize} at a time (the memory bound: the real network's
 * activations at 299 x 299 are some 20 MB per image), each batch in its own sub-manager, with PyTorch's
 * grad mode off and the module in eval mode. The module must return an (m, D) tensor for a batch of m
 * images, the same D every batch.
 */
public final class InceptionFeatures implements AutoCloseable {

    /** Where the standard file is published (StyleGAN2-ADA's metrics). */
    public static final String OFFICIAL_URL =
            "https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/metrics/inception-2015-12-05.pt";

    /** Images per forward pass by default. */
    public static final int DEFAULT_BATCH = 32;

    private final NDManager manager;
    private final PtSymbolBlock module;
    private final Path file;
    private final int batchSize;
    private int dimension = -1;

    private InceptionFeatures(NDManager manager, PtSymbolBlock module, Path file, int batchSize) {
        this.manager = manager;
        this.module = module;
        this.file = file;
        this.batchSize = batchSize;
    }

    /**
     * Checks that {@code path} names a regular file, without reading it.
     *
     * @throws IllegalArgumentException one line naming {@code images.inception} and what to do
     */
    public static void requireFile(String path) {
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("images.inception: '" + path + "' is not a valid path here ("
                    + e.getReason() + ")");
        }
        if (Files.isDirectory(p)) {
            throw new IllegalArgumentException("images.inception: " + path + " is a folder; give the path of the file "
                    + "inception-2015-12-05.pt itself");
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("images.inception: no file at " + path
                    + "; download inception-2015-12-05.pt from " + OFFICIAL_URL + " or remove the field");
        }
    }

    /** {@link #load(Path, Device, int)} with {@link #DEFAULT_BATCH}. */
    public static InceptionFeatures load(Path file, Device device) {
        return load(file, device, DEFAULT_BATCH);
    }

    /**
     * Loads the TorchScript module in {@code file} onto {@code device} in eval mode.
     *
     * @param batchSize images per forward pass, at least 1
     * @throws IllegalArgumentException one line when the file is missing or is not a TorchScript module
     */
    public static InceptionFeatures load(Path file, Device device, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("inception features: batchSize must be >= 1, got " + batchSize);
        }
        requireFile(file.toString());
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
            throw new IllegalStateException("images.inception: a TorchScript file needs DJL's PyTorch engine, the "
                    + "engine here is " + Engine.getInstance().getEngineName());
        }
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            PtSymbolBlock module = JniUtils.loadModule((PtNDManager) manager, file, true, new String[0],
                    new String[0], false);
            JniUtils.enableInferenceMode(module);
            return new InceptionFeatures(manager, module, file, batchSize);
        } catch (RuntimeException e) {
            manager.close();
            throw new IllegalArgumentException("images.inception: " + file + " does not load as a TorchScript module ("
                    + firstLine(e) + "); give the path of inception-2015-12-05.pt from " + OFFICIAL_URL);
        }
    }

    /** The file the module came from. */
    public Path file() {
        return file;
    }

    /** Images per forward pass. */
    public int batchSize() {
        return batchSize;
    }

    /** Feature dimension D, or -1 before the first call of {@link #features}. */
    public int dimension() {
        return dimension;
    }

    /**
     * Features of the first n images of {@code pixels}.
     *
     * @param pixels images in NCHW layout, values nominally in [-1, 1] (clipped to it)
     * @param n number of images, at least 0
     * @param channels 1 (repeated to 3) or 3
     * @return n rows of D features each
     * @throws IllegalStateException when the module returns anything but an (m, D) tensor
     */
    public double[][] features(float[] pixels, int n, int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("inception features: images need 1 or 3 channels, got " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("inception features: image size " + height + " x " + width);
        }
        int size = channels * height * width;
        if (n < 0 || (long) n * size > pixels.length) {
            throw new IllegalArgumentException("inception features: pixels has length " + pixels.length
                    + ", fewer than n = " + n + " images of " + channels + " x " + height + " x " + width);
        }
        double[][] out = new double[n][];
        int plane = height * width;
        // PyTorch's grad mode is per thread and on by default in threads other than the engine's first
        boolean previous = JniUtils.isGradMode();
        if (previous) {
            JniUtils.setGradMode(false);
        }
        try {
            for (int from = 0; from < n; from += batchSize) {
                int m = Math.min(batchSize, n - from);
                float[] bytes = new float[m * 3 * plane];
                for (int i = 0; i < m; i++) {
                    for (int c = 0; c < 3; c++) {
                        int src = (from + i) * size + (channels == 1 ? 0 : c) * plane;
                        int dst = (i * 3 + c) * plane;
                        for (int k = 0; k < plane; k++) {
                            bytes[dst + k] = eightBit(pixels[src + k]);
                        }
                    }
                }
                try (NDManager sm = manager.newSubManager()) {
                    PtNDArray x = (PtNDArray) sm.create(bytes, new Shape(m, 3, height, width));
                    try (IValue input = IValue.from(x); IValue flag = IValue.from(true);
                            IValue result = run(input, flag)) {
                        if (!result.isTensor()) {
                            throw new IllegalStateException("images.inception: " + file + " returned a "
                                    + result.getType() + " from forward(img, return_features=True), not a tensor; "
                                    + "give the path of inception-2015-12-05.pt");
                        }
                        PtNDArray f = result.toTensor((PtNDManager) sm);
                        Shape s = f.getShape();
                        if (s.dimension() != 2 || s.get(0) != m || s.get(1) < 1
                                || (dimension > 0 && s.get(1) != dimension)) {
                            throw new IllegalStateException("images.inception: " + file + " returned shape " + s
                                    + " for " + m + " images, expected (" + m + ", "
                                    + (dimension > 0 ? Integer.toString(dimension) : "D") + "); give the path of "
                                    + "inception-2015-12-05.pt");
                        }
                        dimension = Math.toIntExact(s.get(1));
                        double[] values = f.toType(DataType.FLOAT64, false).toDoubleArray();
                        for (int i = 0; i < m; i++) {
                            out[from + i] = Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
                        }
                    }
                }
            }
        } finally {
            if (previous) {
                JniUtils.setGradMode(true);
            }
        }
        return out;
    }

    /** {@code forward(img, return_features=True)}; a failure inside the module in one line. */
    private IValue run(IValue img, IValue returnFeatures) {
        try {
            return module.forward(img, returnFeatures);
        } catch (RuntimeException e) {
            throw new IllegalStateException("images.inception: forward(img, return_features=True) of " + file
                    + " failed (" + firstLine(e) + "); give the path of inception-2015-12-05.pt");
        }
    }

    /** The 8-bit value of a pixel in [-1, 1]: {@code round((v + 1) * 127.5)} clamped to [0, 255]; NaN as 0. */
    static float eightBit(float v) {
        double clipped = Float.isNaN(v) ? 0 : Math.max(-1.0, Math.min(1.0, v));
        return Math.round((clipped + 1.0) * 127.5);
    }

    private static String firstLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(m);
    }

    @Override
    public void close() {
        module.close();
        manager.close();
    }
}
