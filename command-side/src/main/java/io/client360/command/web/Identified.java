package io.client360.command.web;

/** The result of a creating command: the new aggregate's id and version. */
public interface Identified {

    String id();

    long version();
}
