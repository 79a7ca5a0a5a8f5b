using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

using Http = Reseller.ServiceDefaults.Http;

namespace Reseller.Accounts.Listing;

/// <summary>The validated query of GET /accounts: filters, one of the four sorts, direction, page size and position.</summary>
public sealed record AccountListQuery(string? Search, string Status, string? Cadence, string Sort, bool Descending, int PageSize, PageToken? After)
{
    public const int MaxSearchLength = 200;
    /// <summary><c>active</c> is every account not expired; the last four pick one status (a home page's accounts needing attention).</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "active", "expired", "all", "pending", "trial", "payment_failed", "cancelled",
    };
    public static readonly IReadOnlySet<string> Sorts = new HashSet<string>(StringComparer.Ordinal) { "name", "plan_size", "created", "expires" };

    public static AccountListQuery Parse(string? q, string? status, string? cadence, string? sort, string? order, string? pageSize, string? pageToken)
    {
        var errors = new ValidationErrors();
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim().ToLowerInvariant();
        errors.When(search?.Length > MaxSearchLength, "q", $"q must be at most {MaxSearchLength} characters.").RefuseNul("q", search);
        status ??= "active";
        errors.When(!Statuses.Contains(status), "status", "status must be active, expired, all, pending, trial, payment_failed or cancelled.");
        errors.When(cadence is not null && !PlanCadences.All.Contains(cadence), "cadence", "cadence must be trial, monthly or annual.");
        sort ??= "name";
        errors.When(!Sorts.Contains(sort), "sort", "sort must be name, plan_size, created or expires.");
        order ??= "asc";
        errors.When(order is not ("asc" or "desc"), "order", "order must be asc or desc.");
        int? size = null;
        if (pageSize is not null)
        {
            size = int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        }
        errors.When(size is < 1 or > Http.PageSize.Max, "page_size", $"page_size must be between 1 and {Http.PageSize.Max}.");
        PageToken? after = null;
        if (pageToken is not null)
        {
            after = PageToken.TryDecode(pageToken, out var token) && token.Sort == sort && token.Descending == (order == "desc") ? token : null;
            errors.When(after is null, "page_token", "page_token is not a token of this list and sort.");
        }
        errors.ThrowIfAny();
        return new AccountListQuery(search, status, cadence, sort, order == "desc", size ?? Http.PageSize.Default, after);
    }
}
