using System.Collections.Concurrent;

using MassTransit;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>Records every delivery, and stores a widget once per message through the inbox.</summary>
public sealed class WidgetMadeConsumer(TestDb db) : IConsumer<WidgetMade>
{
    public static readonly ConcurrentQueue<WidgetMade> Deliveries = new();

    public async Task Consume(ConsumeContext<WidgetMade> context)
    {
        Deliveries.Enqueue(context.Message);
        await db.ConsumeOnceAsync(context, nameof(WidgetMadeConsumer), _ =>
        {
            db.Widgets.Add(new Widget { Id = Guid.NewGuid(), RunId = context.Message.RunId, Label = context.Message.Label });
            return Task.CompletedTask;
        });
    }
}
