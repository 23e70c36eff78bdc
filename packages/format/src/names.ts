/**
 * The names users pass to `--format`, in a module of their own: commands list them in `--help`
 * without loading any formatter (or the core library) at start-up. A test keeps it in step with
 * the `formatters` map.
 */
export const formatNames = ['stylish', 'json', 'github', 'sarif', 'junit', 'markdown'] as const;
