using System.Collections.Concurrent;

using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>Paints a widget once per message through the inbox; waits (throws) while the widget is not made yet.</summary>
public sealed class WidgetPaintedConsumer(TestDb db) : IConsumer<WidgetPainted>
{
    /// <summary>Every attempt that looked for its widget: its message id, the deferrals it carries, which immediate retry it is, and whether it had to wait.</summary>
    public static readonly ConcurrentQueue<(Guid? MessageId, int Deferrals, int RetryAttempt, bool Waited)> Attempts = new();

    public async Task Consume(ConsumeContext<WidgetPainted> context)
    {
        await db.ConsumeOnceAsync(context, nameof(WidgetPaintedConsumer), async cancellationToken =>
        {
            var painted = context.Message;
            var widget = await db.Widgets.SingleOrDefaultAsync(w => w.RunId == painted.RunId && w.Label == painted.Label, cancellationToken);
            Attempts.Enqueue((context.MessageId, OutboxHeaders.DeferralsOf(context), context.GetRetryAttempt(), Waited: widget is null));
            if (widget is null)
            {
                throw new EarlierEventPendingException($"Widget {painted.Label} is not made yet.");
            }
            widget.Colour = painted.Colour;
        });
    }
}
