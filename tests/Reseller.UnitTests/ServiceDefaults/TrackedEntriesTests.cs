using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Data;

namespace Reseller.UnitTests.ServiceDefaults;

/// <summary>Reading tracked entries without comparing them must never leave a context with change detection off.</summary>
public sealed class TrackedEntriesTests
{
    private sealed class Note
    {
        public Guid Id { get; set; }
        public string Text { get; set; } = "";
    }

    private sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private static NotesDb Db() => new(new DbContextOptionsBuilder<NotesDb>().UseNpgsql("Host=unused").Options);

    [Fact]
    public void An_entity_added_through_its_set_is_seen_and_detection_is_back_on_after()
    {
        using var db = Db();
        Assert.False(db.ChangeTracker.HasAdded<Note>());

        db.Notes.Add(new Note { Id = Guid.NewGuid() });

        Assert.True(db.ChangeTracker.HasAdded<Note>());
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
    }

    [Fact]
    public void Work_that_throws_still_gives_detection_back()
    {
        using var db = Db();

        Assert.Throws<InvalidOperationException>(() => db.ChangeTracker.WithoutDetecting(() =>
        {
            Assert.False(db.ChangeTracker.AutoDetectChangesEnabled);
            throw new InvalidOperationException("recorder failed");
        }));

        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
    }

    [Fact]
    public void A_context_that_had_detection_off_keeps_it_off()
    {
        using var db = Db();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        db.ChangeTracker.WithoutDetecting(() => { });

        Assert.False(db.ChangeTracker.AutoDetectChangesEnabled);
    }
}
