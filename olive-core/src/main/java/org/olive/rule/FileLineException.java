package org.olive.rule;

/**
 * A profile file that cannot be used, with the line of the problem (a what-if scenario, a policy reform): the message
 * names the file, the line and the reason, as {@code olive county check} and the commands' exit 2 print them.
 */
public class FileLineException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public FileLineException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the file could not be read at all. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }

    /** Makes the exception of a file's kind. */
    @FunctionalInterface
    public interface Factory {
        FileLineException at(String file, int line, String reason);
    }

    /**
     * The YAML document of a file as SnakeYAML nodes, which keep their lines: a top-level mapping, or the factory's
     * exception naming the line of the syntax error or of what stands there instead.
     *
     * @param expected what the mapping should hold, for the message
     */
    public static org.yaml.snakeyaml.nodes.MappingNode mapping(String text, String file, String expected, Factory f) {
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw f.at(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw f.at(file, 0, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode top)) {
            throw f.at(file, root == null ? 1 : line(root), "expected a mapping with " + expected);
        }
        return top;
    }

    /** A node's line, 1-based (0 when unknown). */
    public static int line(org.yaml.snakeyaml.nodes.Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
