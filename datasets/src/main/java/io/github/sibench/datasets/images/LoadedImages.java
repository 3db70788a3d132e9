package io.github.sibench.datasets.images;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An {@link ImageDataset} whose splits are already in memory. */
record LoadedImages(String name, List<String> classNames, SourceCheck check, Map<Split, ImageSet> splits, String where)
    implements ImageDataset {
  LoadedImages {
    classNames = List.copyOf(classNames);
    splits = new EnumMap<>(splits);
  }

  @Override
  public ImageSet split(Split split) {
    ImageSet set = splits.get(split);
    if (set == null) {
      throw new ImageDataException(name + ": no " + split.dirName() + " split in " + where
          + "; add the " + split.dirName() + " files or ask for another split");
    }
    return set;
  }
}
