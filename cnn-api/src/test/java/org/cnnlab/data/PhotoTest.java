package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cnnlab.render.MimeBundle;
import org.junit.jupiter.api.Test;

class PhotoTest {
    @Test
    void theCatIsPackedAndBecomesNormalisedNumbers() {
        Photo cat = Photo.chelsea();
        assertEquals(224, cat.height());
        float[][][] p = cat.pixels();
        assertEquals(3, p.length);
        float[][][] n = cat.imageNetNormalized();
        assertEquals((p[0][10][10] - 0.485f) / 0.229f, n[0][10][10], 1e-6);
        Photo small = cat.square(64);
        assertEquals(64, small.width());
        assertTrue(cat.toMimeBundle().get(MimeBundle.PNG) != null);
    }

    @Test
    void aMissingFileIsExplained() {
        String msg = assertThrows(IllegalArgumentException.class, () -> Photo.read(Path.of("no-such.png"))).getMessage();
        assertTrue(msg.contains("There is no file") && msg.contains("Photo.chelsea()"), msg);
    }
}
