using Microsoft.EntityFrameworkCore;

namespace Sharpflow.Storage.Executions;

/// <summary>Maps sf_task_executions (created by <see cref="Migrations.ExecutionMigrations"/>) for reads; writes use one upsert statement.</summary>
internal sealed class ExecutionDbContext(DbContextOptions<ExecutionDbContext> options) : DbContext(options)
{
    public DbSet<ExecutionRow> Executions => Set<ExecutionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExecutionRow>(e =>
        {
            e.ToTable("sf_task_executions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.RunUid).HasColumnName("run_uid");
            e.Property(r => r.Namespace).HasColumnName("namespace");
            e.Property(r => r.RunName).HasColumnName("run_name");
            e.Property(r => r.PipelineName).HasColumnName("pipeline_name");
            e.Property(r => r.TaskPath).HasColumnName("task_path");
            e.Property(r => r.TaskName).HasColumnName("task_name");
            e.Property(r => r.Kind).HasColumnName("kind");
            e.Property(r => r.ParentId).HasColumnName("parent_id");
            e.Property(r => r.IterationIndex).HasColumnName("iteration_index");
            e.Property(r => r.State).HasColumnName("state");
            e.Property(r => r.Inputs).HasColumnName("inputs");
            e.Property(r => r.Outputs).HasColumnName("outputs");
            e.Property(r => r.Fingerprint).HasColumnName("fingerprint");
            e.Property(r => r.CachedFrom).HasColumnName("cached_from");
            e.Property(r => r.Attempts).HasColumnName("attempts");
            e.Property(r => r.WorkloadId).HasColumnName("workload_id");
            e.Property(r => r.LogLocation).HasColumnName("log_location");
            e.Property(r => r.Error).HasColumnName("error");
            e.Property(r => r.CreatedAt).HasColumnName("created_at");
            e.Property(r => r.StartedAt).HasColumnName("started_at");
            e.Property(r => r.FinishedAt).HasColumnName("finished_at");
        });
    }
}
