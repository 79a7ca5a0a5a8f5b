using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Data;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class ConcurrentChangeRetryTests
{
    [Fact]
    public async Task A_command_that_lost_a_race_with_a_consumer_runs_again_on_a_clean_change_tracker()
    {
        await using var db = new NotesDb();
        var filter = new ConcurrentChangeRetry<NotesDb>(db);
        var tracked = new List<int>();

        var answer = await filter.InvokeAsync(Context(), _ =>
        {
            tracked.Add(db.ChangeTracker.Entries().Count());
            db.Notes.Add(new Note { Id = tracked.Count });
            return tracked.Count == 1
                ? throw new DbUpdateConcurrencyException("row changed by a consumer")
                : ValueTask.FromResult<object?>("saved");
        });

        Assert.Equal("saved", answer);
        Assert.Equal([0, 0], tracked);
    }

    [Fact]
    public async Task A_command_that_keeps_losing_gets_the_conflict_after_three_attempts()
    {
        await using var db = new NotesDb();
        var filter = new ConcurrentChangeRetry<NotesDb>(db);
        var attempts = 0;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await filter.InvokeAsync(Context(), _ =>
        {
            attempts++;
            throw new DbUpdateConcurrencyException("row changed by a consumer");
        }));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Other_failures_are_never_retried()
    {
        await using var db = new NotesDb();
        var filter = new ConcurrentChangeRetry<NotesDb>(db);
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await filter.InvokeAsync(Context(), _ =>
        {
            attempts++;
            throw new InvalidOperationException("not a race");
        }));

        Assert.Equal(1, attempts);
    }

    private static DefaultEndpointFilterInvocationContext Context() => new(new DefaultHttpContext());

    public sealed class Note
    {
        public int Id { get; set; }
    }

    public sealed class NotesDb() : DbContext(new DbContextOptionsBuilder<NotesDb>().UseNpgsql("Host=unused").Options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }
}
