using Sharpflow.Core.Executions;

namespace Sharpflow.Cli.Runs;

/// <summary>One execution of a run's tree with its children in display order.</summary>
internal sealed record TaskNode(TaskExecution Task, IReadOnlyList<TaskNode> Children);
