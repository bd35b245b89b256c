package io.client360.kernel.inquiry;

/** Who may read a comment: the client (PUBLIC), agents only (INTERNAL), or clients allowed to see sensitive content. */
public enum Visibility {
    PUBLIC, INTERNAL, SENSITIVE
}
