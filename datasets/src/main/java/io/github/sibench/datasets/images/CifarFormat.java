package io.github.sibench.datasets.images;

import java.net.URI;
import java.util.List;

/**
 * The layout of a CIFAR binary release (Krizhevsky, 2009, "Learning Multiple Layers of Features from Tiny
 * Images"): each record is {@code labelBytes} label bytes then 3,072 pixel bytes (1,024 red, 1,024 green,
 * 1,024 blue, each row-major 32x32).
 *
 * @param name dataset name for messages
 * @param archiveName file name of the official archive
 * @param folderName name of the folder the archive unpacks to
 * @param url official download address
 * @param md5 published MD5 of the official archive
 * @param labelBytes label bytes per record
 * @param fineOffset index of the fine label byte in a record
 * @param coarseOffset index of the coarse label byte, or -1 when there is none
 * @param fineClasses number of fine classes
 * @param coarseClasses number of coarse classes (0 when none)
 * @param trainFiles file names of the train split, read in this order
 * @param testFiles file names of the test split
 * @param recordsPerTrainFile records in each train file
 * @param recordsPerTestFile records in each test file
 * @param fineNamesFile file of fine class names, one a line
 * @param coarseNamesFile file of coarse class names, or null
 */
public record CifarFormat(String name, String archiveName, String folderName, URI url, String md5, int labelBytes,
    int fineOffset, int coarseOffset, int fineClasses, int coarseClasses, List<String> trainFiles, List<String> testFiles,
    int recordsPerTrainFile, int recordsPerTestFile, String fineNamesFile, String coarseNamesFile) {
  /** Pixel bytes per record: 3 channels x 32 x 32. */
  public static final int PIXELS = 3 * 32 * 32;

  /** CIFAR-100: 1 coarse byte, 1 fine byte; train.bin 50,000 records, test.bin 10,000. */
  public static final CifarFormat CIFAR100 = new CifarFormat("CIFAR-100", "cifar-100-binary.tar.gz", "cifar-100-binary",
      URI.create("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz"), "03b5dce01913d631647c71ecec9e9cb8",
      2, 1, 0, 100, 20, List.of("train.bin"), List.of("test.bin"), 50_000, 10_000,
      "fine_label_names.txt", "coarse_label_names.txt");

  /** CIFAR-10: 1 label byte; data_batch_1..5.bin and test_batch.bin, 10,000 records each. */
  public static final CifarFormat CIFAR10 = new CifarFormat("CIFAR-10", "cifar-10-binary.tar.gz", "cifar-10-batches-bin",
      URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"), "c32a1d4ab5d03f1284b67883e8d87530",
      1, 0, -1, 10, 0,
      List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
      List.of("test_batch.bin"), 10_000, 10_000, "batches.meta.txt", null);

  public CifarFormat {
    trainFiles = List.copyOf(trainFiles);
    testFiles = List.copyOf(testFiles);
    if (recordsPerTrainFile <= 0 || recordsPerTestFile <= 0) {
      throw new IllegalArgumentException("CifarFormat.recordsPer*File: must be positive; count the records of a file");
    }
  }

  /** Bytes per record. */
  public int recordBytes() {
    return labelBytes + PIXELS;
  }

  /** The same layout with other record counts (small test fixtures). */
  public CifarFormat withRecords(int perTrainFile, int perTestFile) {
    return new CifarFormat(name, archiveName, folderName, url, md5, labelBytes, fineOffset, coarseOffset,
        fineClasses, coarseClasses, trainFiles, testFiles, perTrainFile, perTestFile, fineNamesFile, coarseNamesFile);
  }

  /** The same layout with another official address and MD5 (tests of the download path). */
  public CifarFormat withOfficial(URI otherUrl, String otherMd5) {
    return new CifarFormat(name, archiveName, folderName, otherUrl, otherMd5, labelBytes, fineOffset, coarseOffset,
        fineClasses, coarseClasses, trainFiles, testFiles, recordsPerTrainFile, recordsPerTestFile, fineNamesFile, coarseNamesFile);
  }

  List<String> files(Split split) {
    return split == Split.TRAIN ? trainFiles : testFiles;
  }

  int recordsPerFile(Split split) {
    return split == Split.TRAIN ? recordsPerTrainFile : recordsPerTestFile;
  }

  Split splitOf(String fileName) {
    return trainFiles.contains(fileName) ? Split.TRAIN : testFiles.contains(fileName) ? Split.TEST : null;
  }
}
