package io.github.sibench.datasets.images;

/** A failure to load image data: its message is one line saying what is wrong and what to do. */
public final class ImageDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ImageDataException(String message) {
    super(oneLine(message));
  }

  public ImageDataException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** Folds line breaks so every message stays on one line. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
