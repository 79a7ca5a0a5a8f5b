using MassTransit;

using Reseller.Contracts.Credits;

namespace Reseller.Billing.Prepaid;

/// <summary>Asks Credits over RabbitMQ (MassTransit request/response); a missing answer throws after the request timeout.</summary>
public sealed class MessagingPrepaidCredit(IRequestClient<ReservePrepaidCredit> client) : IPrepaidCredit
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<long> ReserveAsync(ReservePrepaidCredit request, CancellationToken cancellationToken)
    {
        var response = await client.GetResponse<PrepaidCreditReserved>(request, cancellationToken, RequestTimeout.After(s: (int)Timeout.TotalSeconds));
        return Math.Clamp(response.Message.Amount, 0, request.Amount);
    }
}
