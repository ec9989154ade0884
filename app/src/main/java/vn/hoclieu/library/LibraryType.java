package vn.hoclieu.library;

/** The kinds of library in the network the Lifelong Learning plan names. */
public enum LibraryType {
    PUBLIC, SCHOOL, COMMUNITY_LEARNING_CENTRE, CONTINUING_EDUCATION_CENTRE
}
