package io.github.sibench.benchmark.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes TorchScript archives by hand, so that tests exercise {@code torch.jit.load} (through DJL) without
 * Python: the layout {@code torch.jit.save} produces for a module without parameters, as read by
 * {@code torch::jit::load} (PyTorch's {@code import.cpp}, {@code import_source.cpp} and the stream reader of
 * {@code inline_container.cc}):
 *
 * <ul>
 *   <li>every entry under one folder, the archive name (the reader takes it from the first entry);</li>
 *   <li>{@code version}: the file format version as decimal text (3: the oldest format still produced, with
 *       no operator upgraders involved for the operators used here);</li>
 *   <li>{@code constants.pkl}: a pickle (protocol 2) of the tuple of tensor constants, here empty;</li>
 *   <li>{@code data.pkl}: a pickle of the module object: {@code GLOBAL __torch__ <Class>}, an empty tuple,
 *       {@code NEWOBJ}, then the dict of its attributes ({@code training}) and {@code BUILD};</li>
 *   <li>{@code code/__torch__.py}: the TorchScript source of the class {@code __torch__.<Class>}, a
 *       {@code Module} whose attribute {@code training : bool} is declared in the class body.</li>
 * </ul>
 *
 * Entries are stored uncompressed, as PyTorch writes them.
 */
public final class TorchScriptArchives {

    private TorchScriptArchives() {}

    /**
     * A module with Inception's calling convention ({@code forward(img, return_features=False)}) whose
     * features are the per-channel spatial means of {@code img} converted to float32, shape (N, C); without
     * {@code return_features} it returns their negatives summed, shape (N, 1).
     */
    public static Path channelMeans(Path dir) {
        return write(dir.resolve("channel-means.pt"), "ChannelMeans", """
                    _0 = torch.mean(torch.to(img, 6), [2, 3])
                    if return_features:
                      _1 = _0
                    else:
                      _1 = torch.neg(torch.sum(_0, [1], True))
                    return _1
                """);
    }

    /** A module with the same calling convention whose output has the wrong shape (N, C, 1, W). */
    static Path wrongShape(Path dir) {
        return write(dir.resolve("wrong-shape.pt"), "WrongShape", """
                    return torch.mean(img, [2], True)
                """);
    }

    /**
     * Writes a module of class {@code __torch__.<className>} whose {@code forward(self, img: Tensor,
     * return_features: bool=False) -> Tensor} has the given body (TorchScript, indented by 4 spaces).
     */
    static Path write(Path target, String className, String forwardBody) {
        String code = "class " + className + "(Module):\n"
                + "  __parameters__ = []\n"
                + "  training : bool\n"
                + "  def forward(self: __torch__." + className + ",\n"
                + "    img: Tensor,\n"
                + "    return_features: bool=False) -> Tensor:\n"
                + forwardBody;
        String archive = className.toLowerCase(java.util.Locale.ROOT);
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, archive + "/data.pkl", moduleObject(className));
            stored(zip, archive + "/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
            stored(zip, archive + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(zip, archive + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Pickle protocol 2 of {@code __torch__.<className>} with the attribute {@code training = False}. */
    private static byte[] moduleObject(String className) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2); // PROTO 2
        p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.write(')'); // EMPTY_TUPLE
        p.write(0x81); // NEWOBJ
        p.write('}'); // EMPTY_DICT
        p.write('('); // MARK
        unicode(p, "training");
        p.write(0x89); // NEWFALSE
        p.write('u'); // SETITEMS
        p.write('b'); // BUILD
        p.write('.'); // STOP
        return p.toByteArray();
    }

    private static void unicode(ByteArrayOutputStream p, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.write('X'); // BINUNICODE: 4-byte little-endian length, then UTF-8
        p.write(b.length & 0xff);
        p.write((b.length >>> 8) & 0xff);
        p.write((b.length >>> 16) & 0xff);
        p.write((b.length >>> 24) & 0xff);
        p.writeBytes(b);
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
