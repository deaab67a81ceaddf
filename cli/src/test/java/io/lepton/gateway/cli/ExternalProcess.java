package io.lepton.gateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program outside the JVM (node, npm, python) run to completion with a time limit, its output merged and kept in
 * a file, so a hung foreign client fails the test instead of hanging the build and leaves nothing running.
 */
record ExternalProcess(int exitCode, String output) {

    /** Exit code of a process that was stopped at its time limit, or could not be started. */
    static final int DID_NOT_FINISH = -1;

    static ExternalProcess run(Path workingDir, Duration timeout, List<String> command) {
        try {
            Path log = Files.createTempFile("foreign-client-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                process.getOutputStream().close();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                return new ExternalProcess(finished ? process.exitValue() : DID_NOT_FINISH,
                        finished ? output : output + System.lineSeparator() + "(stopped after " + timeout + ")");
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new ExternalProcess(DID_NOT_FINISH, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Whether {@code command} runs and exits 0 within a few seconds: how a test finds out a tool is installed. */
    static boolean succeeds(Path workingDir, List<String> command) {
        return run(workingDir, Duration.ofSeconds(20), command).exitCode() == 0;
    }
}
