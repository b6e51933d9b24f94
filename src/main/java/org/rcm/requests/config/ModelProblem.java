package org.rcm.requests.config;

/** Something in a model file that would fail at run time, named by file and element. */
public record ModelProblem(String file, String element, String message) {

    @Override
    public String toString() {
        return file + (element == null ? "" : ", element " + element) + ": " + message;
    }
}
