/**
 * The shell commands of {@code java -jar hoclieu.jar} ({@code import}, {@code export}, {@code reindex},
 * {@code verify}, {@code backup}, {@code restore}, {@code help}): one table of them, and how each starts. The
 * work itself stays in the module that owns it ({@code ingest.ImportCommand}, {@code exchange.ExportCommand},
 * {@code search.ReindexCommand}, {@code maintenance.*Command}); this module only reads the command line and
 * opens the application for them.
 */
package vn.hoclieu.cli;
