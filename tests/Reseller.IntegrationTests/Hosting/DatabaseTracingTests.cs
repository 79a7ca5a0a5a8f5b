using System.Collections.Concurrent;
using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Hosting;

/// <summary>
/// The services' database calls are traced inside the work that made them (a request, a message), never on their own: the
/// pollers' calls would otherwise flood the traces with one-span traces every second.
/// </summary>
public sealed class DatabaseTracingTests(TestInfrastructure infrastructure) : IDisposable
{
    private const string WorkSource = "Reseller.IntegrationTests.DatabaseTracing";
    private static readonly ActivitySource Work = new(WorkSource);
    private readonly ConcurrentQueue<Activity> databaseSpans = new();
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name is "Npgsql" or WorkSource,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task A_call_inside_a_span_is_traced_as_its_child_and_a_call_outside_any_span_is_not_traced()
    {
        listener.ActivityStopped = activity =>
        {
            if (activity.Source.Name == "Npgsql")
            {
                databaseSpans.Enqueue(activity);
            }
        };
        ActivitySource.AddActivityListener(listener);
        var options = DatabaseExtensions.Configure(new DbContextOptionsBuilder<DbContext>(), await infrastructure.CreateDatabaseAsync("tracing")).Options;
        await using var db = new DbContext(options);
        var unprompted = $"unprompted_{Guid.NewGuid():N}";
        var prompted = $"prompted_{Guid.NewGuid():N}";
        // Each call names its one column after its marker, so its span's statement tells the two apart.
        var unpromptedQuery = "SELECT 1 AS " + unprompted;
        var promptedQuery = "SELECT 1 AS " + prompted;

        Assert.Null(Activity.Current);
        await db.Database.ExecuteSqlRawAsync(unpromptedQuery);
        string parentSpanId;
        using (var work = Work.StartActivity("a request"))
        {
            parentSpanId = work!.SpanId.ToHexString();
            await db.Database.ExecuteSqlRawAsync(promptedQuery);
        }

        Assert.DoesNotContain(databaseSpans, span => Mentions(span, unprompted));
        var traced = Assert.Single(databaseSpans, span => Mentions(span, prompted));
        Assert.Equal(parentSpanId, traced.ParentSpanId.ToHexString());
    }

    private static bool Mentions(Activity span, string text) =>
        span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(text, StringComparison.Ordinal) == true);

    public void Dispose() => listener.Dispose();
}
