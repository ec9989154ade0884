package vn.hoclieu.catalog;

/**
 * What a file is, by its bytes, for deciding whether the catalogue takes it
 * ({@code hoclieu.upload.allowed-kinds}). {@link #PROGRAM} is everything a computer runs when the file
 * is opened — executables, installers, scripts of a shell or of Windows, Java and Android packages —
 * which a library must not hand to its readers; every other kind is material.
 */
public enum FileKind {
    /** PDF, Word, OpenDocument text, RTF, plain text and source code */
    DOCUMENT,
    /** PowerPoint, OpenDocument and Keynote presentations */
    SLIDES,
    /** Excel, OpenDocument and Numbers spreadsheets, CSV */
    SPREADSHEET,
    /** EPUB, Mobipocket, FictionBook, DjVu */
    EBOOK,
    IMAGE,
    AUDIO,
    VIDEO,
    /** WebVTT, SubRip */
    SUBTITLES,
    /** ZIP, 7z, tar and compressed files holding no program */
    ARCHIVE,
    /** HTML pages and SCORM packages (a ZIP with {@code imsmanifest.xml}) */
    LESSON,
    /** XML, JSON, YAML */
    DATA,
    /** bytes of no kind above: a format Hoclieu does not know, often a teaching program's own (GeoGebra, Crocodile…) */
    OTHER,
    /** executables, installers, scripts, Java and Android packages, compiled help: never material */
    PROGRAM
}
