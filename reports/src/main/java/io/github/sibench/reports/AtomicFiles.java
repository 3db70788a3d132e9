package io.github.sibench.reports;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file atomically: to a temporary file in the same directory, then renamed over the target, so
 * a reader never sees a half-written report and a crash never destroys the previous one.
 */
public final class AtomicFiles {

    /** Writes the content of a text file through a {@link Writer}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the content of a binary file (an image, data records) through an {@link OutputStream}. */
    @FunctionalInterface
    public interface BinaryContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code content} to {@code target} as UTF-8, atomically; creates parent directories. */
    public static void write(Path target, Content content) {
        writeBytes(target, out -> {
            // content may close the writer itself (CSVPrinter does); closing twice is harmless
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                content.writeTo(w);
            }
        });
    }

    /**
     * Writes the bytes {@code content} produces to {@code target}, atomically; creates parent directories. The
     * content may close the stream it is given.
     */
    public static void writeBytes(Path target, BinaryContent content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // a new file with the usual permissions (createTempFile would make it owner-only)
            tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is already gone or unreachable; nothing more to do
                }
            }
        }
    }

    /** Writes a string atomically. */
    public static void writeString(Path target, String text) {
        write(target, w -> w.write(text));
    }
}
