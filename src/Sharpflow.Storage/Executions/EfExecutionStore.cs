using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sharpflow.Core.Executions;
using Sharpflow.Storage.Migrations;
using Sharpflow.Storage.Resources;

namespace Sharpflow.Storage.Executions;

/// <summary>
/// <see cref="IExecutionStore"/> on the same database as the resources. A save is one transaction of
/// prepared upserts (<c>INSERT ... ON CONFLICT (id) DO UPDATE</c>, which SQLite and PostgreSQL both speak),
/// queued behind the process's other writers by the <see cref="WriteGate"/>.
/// </summary>
internal sealed class EfExecutionStore(
    IDbContextFactory<ExecutionDbContext> contexts,
    StorageInitializer initializer,
    WriteGate gate) : IExecutionStore
{
    private const int DeleteChunk = 500;

    private static readonly (string Column, DbType Type, Func<ExecutionRow, object?> Value)[] Columns =
    [
        ("id", DbType.String, r => r.Id),
        ("run_uid", DbType.String, r => r.RunUid),
        ("namespace", DbType.String, r => r.Namespace),
        ("run_name", DbType.String, r => r.RunName),
        ("pipeline_name", DbType.String, r => r.PipelineName),
        ("task_path", DbType.String, r => r.TaskPath),
        ("task_name", DbType.String, r => r.TaskName),
        ("kind", DbType.String, r => r.Kind),
        ("parent_id", DbType.String, r => r.ParentId),
        ("iteration_index", DbType.Int32, r => r.IterationIndex),
        ("state", DbType.String, r => r.State),
        ("inputs", DbType.String, r => r.Inputs),
        ("outputs", DbType.String, r => r.Outputs),
        ("fingerprint", DbType.String, r => r.Fingerprint),
        ("cached_from", DbType.String, r => r.CachedFrom),
        ("attempts", DbType.Int32, r => r.Attempts),
        ("workload_id", DbType.String, r => r.WorkloadId),
        ("log_location", DbType.String, r => r.LogLocation),
        ("error", DbType.String, r => r.Error),
        ("created_at", DbType.Int64, r => r.CreatedAt),
        ("started_at", DbType.Int64, r => r.StartedAt),
        ("finished_at", DbType.Int64, r => r.FinishedAt),
    ];

    private static readonly string UpsertSql =
        $"INSERT INTO sf_task_executions ({string.Join(", ", Columns.Select(c => c.Column))}) "
        + $"VALUES ({string.Join(", ", Columns.Select(c => "@" + c.Column))}) "
        + $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c.Column} = excluded.{c.Column}"))};";

    public async Task SaveAsync(IReadOnlyList<TaskExecution> executions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executions);
        if (executions.Count == 0)
        {
            return;
        }

        await initializer.InitializeAsync(cancellationToken);
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = UpsertSql;
        var parameters = Columns.Select(c => AddParameter(command, c.Column, c.Type)).ToArray();
        foreach (var execution in executions)
        {
            var row = ExecutionRows.ToRow(execution);
            for (var i = 0; i < Columns.Length; i++)
            {
                parameters[i].Value = Columns[i].Value(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<TaskExecution?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Executions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : ExecutionRows.ToExecution(row);
    }

    public async Task<IReadOnlyList<TaskExecution>> ListByRunAsync(string runUid, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Executions.Where(e => e.RunUid == runUid).OrderBy(e => e.TaskPath).ToListAsync(cancellationToken);
        return rows.Select(ExecutionRows.ToExecution).ToList();
    }

    public async Task<TaskExecution?> FindCachedAsync(string ns, string pipelineName, string fingerprint, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var succeeded = TaskExecutionState.Succeeded.ToName();
        var row = await db.Executions
            .Where(e => e.Namespace == ns && e.PipelineName == pipelineName && e.Fingerprint == fingerprint && e.State == succeeded)
            .OrderByDescending(e => e.FinishedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ExecutionRows.ToExecution(row);
    }

    public async Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await initializer.InitializeAsync(cancellationToken);
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(DeleteChunk))
        {
            await db.Executions.Where(e => chunk.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public async Task<int> DeleteByRunAsync(string runUid, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Executions.Where(e => e.RunUid == runUid).ExecuteDeleteAsync(cancellationToken);
    }

    private static DbParameter AddParameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
