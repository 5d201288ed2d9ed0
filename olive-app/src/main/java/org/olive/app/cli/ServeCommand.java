package org.olive.app.cli;

import org.olive.app.OliveWebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code olive serve}: the web application. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Olive web application (Chinese first, English switch) on the given port.")
public class ServeCommand implements Callable<Integer> {

    private static volatile ConfigurableApplicationContext context;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 to serve the network).")
    String bind;

    @Mixin
    CountyOption county = new CountyOption();

    @Override
    public Integer call() {
        start(db, port, bind, county.springProperties());
        return 0;
    }

    /** Starts the web application and returns once it is serving; the JVM keeps running. */
    static ConfigurableApplicationContext start(DatabaseOptions db, int port, String bind, Map<String, Object> extra) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, found " + port);
        }
        db.verifyConnection();
        Map<String, Object> props = new LinkedHashMap<>(db.springProperties());
        props.put("server.port", port);
        props.put("server.address", bind);
        props.putAll(extra);
        System.out.println("Olive: database " + db.describe());
        context = new SpringApplicationBuilder(OliveWebApplication.class).run(asArguments(props));
        String host = "0.0.0.0".equals(bind) ? "localhost" : bind;
        String actualPort = context.getEnvironment().getProperty("local.server.port", String.valueOf(port));
        System.out.println("Olive is serving at http://" + host + ":" + actualPort + "/  (log in to land on the cockpit, 驾驶舱; Ctrl+C to stop)");
        return context;
    }

    /**
     * The options as Spring command-line arguments ({@code --key=value}), which take precedence over
     * application.properties (default properties would not).
     */
    static String[] asArguments(Map<String, Object> props) {
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Stops the web app started by {@link #start}, if any (tests). */
    static void stop() {
        ConfigurableApplicationContext c = context;
        if (c != null) {
            c.close();
        }
        context = null;
    }

    static boolean serverRunning() {
        return context != null && context.isActive();
    }
}
