package io.lepton.gateway.engine.family;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Reads every {@code .avsc} file directly under one class-path directory, in every jar or directory that has it. Each
 * file is parsed on its own, so schemas must be self-contained.
 */
final class SchemaResources {

    private static final String SUFFIX = ".avsc";

    private SchemaResources() {}

    static List<Schema> load(String directory, ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(directory))) {
                names.addAll(list(url, directory));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + " on the class path", e);
        }
        List<Schema> schemas = new ArrayList<>();
        for (String name : names) {
            schemas.add(parse(loader, name));
        }
        return schemas;
    }

    /** Resource names of the schema files in the directory {@code url} points at. */
    private static List<String> list(URL url, String directory) throws IOException {
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(directory + "/") && name.endsWith(SUFFIX)
                            && name.indexOf('/', directory.length() + 1) < 0) {
                        names.add(name);
                    }
                }
            }
        } else if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                        .forEach(n -> names.add(directory + "/" + n));
            } catch (URISyntaxException e) {
                throw new IOException("unreadable class-path location " + url, e);
            }
        }
        return names;
    }

    private static Schema parse(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource vanished from the class path: " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
