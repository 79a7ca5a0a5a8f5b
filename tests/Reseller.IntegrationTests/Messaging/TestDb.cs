using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Messaging;

public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().ToTable("widgets");
        modelBuilder.AddPlatformTables();
    }
}

public sealed class Widget
{
    public Guid Id { get; set; }
    public string RunId { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Colour { get; set; }
}
