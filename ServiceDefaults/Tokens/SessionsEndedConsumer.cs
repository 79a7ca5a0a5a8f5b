using MassTransit;

using Reseller.Contracts.Identity;

namespace Reseller.ServiceDefaults.Tokens;

public sealed class SessionsEndedConsumer(EndedSessions sessions) : IConsumer<SessionsEnded>
{
    public Task Consume(ConsumeContext<SessionsEnded> context)
    {
        sessions.End(context.Message.Issuer, context.Message.Subject, context.Message.Version);
        return Task.CompletedTask;
    }
}
