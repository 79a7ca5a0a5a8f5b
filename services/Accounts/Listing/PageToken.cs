using System.Diagnostics.CodeAnalysis;

using Reseller.ServiceDefaults.Http;

namespace Reseller.Accounts.Listing;

/// <summary>A keyset position in the account list: the sort and the sort key of the last row of the previous page.</summary>
public sealed record PageToken(string Sort, bool Descending, string? Name, int Contacts, int Seats, DateTimeOffset At, Guid Id)
{
    public static bool TryDecode(string value, [NotNullWhen(true)] out PageToken? token) =>
        PageCursor.TryDecode(value, out token) && token.Sort is not null;
}
