using Microsoft.EntityFrameworkCore;

namespace Sharpflow.Storage.Data;

/// <summary>
/// The EF Core model shared by both providers. The schema itself is created by each provider's
/// versioned DDL (see <see cref="Migrations.MigrationRunner"/>); this model only maps to it.
/// </summary>
internal sealed class StorageDbContext(DbContextOptions<StorageDbContext> options) : DbContext(options)
{
    public DbSet<ResourceRow> Resources => Set<ResourceRow>();

    public DbSet<LabelRow> Labels => Set<LabelRow>();

    public DbSet<OwnerRow> Owners => Set<OwnerRow>();

    public DbSet<ChangeRow> Changes => Set<ChangeRow>();

    public DbSet<StateRow> State => Set<StateRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<LeaseRow> Leases => Set<LeaseRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ResourceRow>(e =>
        {
            e.ToTable("sf_resources");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(r => r.Group).HasColumnName("api_group");
            e.Property(r => r.Kind).HasColumnName("kind");
            e.Property(r => r.Namespace).HasColumnName("namespace");
            e.Property(r => r.Name).HasColumnName("name");
            e.Property(r => r.Uid).HasColumnName("uid");
            e.Property(r => r.ResourceVersion).HasColumnName("resource_version");
            e.Property(r => r.Body).HasColumnName("body");
            e.HasMany(r => r.Labels).WithOne().HasForeignKey(l => l.ResourceId);
            e.HasMany(r => r.Owners).WithOne().HasForeignKey(o => o.ResourceId);
        });
        modelBuilder.Entity<LabelRow>(e =>
        {
            e.ToTable("sf_labels");
            e.HasKey(l => new { l.ResourceId, l.Key });
            e.Property(l => l.ResourceId).HasColumnName("resource_id");
            e.Property(l => l.Key).HasColumnName("key");
            e.Property(l => l.Value).HasColumnName("value");
        });
        modelBuilder.Entity<OwnerRow>(e =>
        {
            e.ToTable("sf_owners");
            e.HasKey(o => new { o.ResourceId, o.OwnerUid });
            e.Property(o => o.ResourceId).HasColumnName("resource_id");
            e.Property(o => o.OwnerUid).HasColumnName("owner_uid");
        });
        modelBuilder.Entity<ChangeRow>(e =>
        {
            e.ToTable("sf_changes");
            e.HasKey(c => c.Version);
            e.Property(c => c.Version).HasColumnName("version").ValueGeneratedNever();
            e.Property(c => c.Type).HasColumnName("type");
            e.Property(c => c.Group).HasColumnName("api_group");
            e.Property(c => c.Kind).HasColumnName("kind");
            e.Property(c => c.Namespace).HasColumnName("namespace");
            e.Property(c => c.Name).HasColumnName("name");
            e.Property(c => c.CreatedAt).HasColumnName("created_at");
            e.Property(c => c.Body).HasColumnName("body");
            e.Property(c => c.PreviousLabels).HasColumnName("previous_labels");
        });
        modelBuilder.Entity<StateRow>(e =>
        {
            e.ToTable("sf_state");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasColumnName("name");
            e.Property(s => s.Value).HasColumnName("value");
        });
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("sf_events");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(v => v.FoldKey).HasColumnName("fold_key");
            e.Property(v => v.ApiVersion).HasColumnName("api_version");
            e.Property(v => v.Kind).HasColumnName("kind");
            e.Property(v => v.Namespace).HasColumnName("namespace");
            e.Property(v => v.Name).HasColumnName("name");
            e.Property(v => v.Uid).HasColumnName("uid");
            e.Property(v => v.Type).HasColumnName("type");
            e.Property(v => v.Reason).HasColumnName("reason");
            e.Property(v => v.Message).HasColumnName("message");
            e.Property(v => v.Source).HasColumnName("source");
            e.Property(v => v.Count).HasColumnName("count");
            e.Property(v => v.FirstAt).HasColumnName("first_at");
            e.Property(v => v.LastAt).HasColumnName("last_at");
        });
        modelBuilder.Entity<LeaseRow>(e =>
        {
            e.ToTable("sf_leases");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasColumnName("name");
            e.Property(l => l.Holder).HasColumnName("holder");
            e.Property(l => l.AcquiredAt).HasColumnName("acquired_at");
            e.Property(l => l.RenewedAt).HasColumnName("renewed_at");
            e.Property(l => l.ExpiresAt).HasColumnName("expires_at");
        });
    }
}
