package io.github.sibench.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void binaryContentIsWrittenByteForByteEvenWhenItClosesTheStream() throws Exception {
        Path f = dir.resolve("a/b.bin");
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        AtomicFiles.writeBytes(f, out -> {
            out.write(all);
            out.close();
        });
        assertArrayEquals(all, Files.readAllBytes(f));
    }

    @Test
    void failedBinaryWriteLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("r.bin");
        AtomicFiles.writeBytes(f, out -> out.write(new byte[] {1, 2}));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeBytes(f, out -> {
            out.write(new byte[1000]);
            throw new IllegalStateException("boom");
        }));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
