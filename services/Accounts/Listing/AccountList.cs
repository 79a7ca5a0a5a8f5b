using System.Text;

using Microsoft.EntityFrameworkCore;

using Npgsql;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Accounts.Listing;

/// <summary>
/// One keyset page of a partner's accounts. Each sort walks its (partner_id, key…, id) index from the position in the
/// page token with a row-value comparison, so a page costs the same at the start and at row 100,000 and never skips or
/// repeats a row when accounts are added meanwhile.
/// </summary>
public sealed class AccountList(AccountsDb db)
{
    public static readonly DateTimeOffset NoExpiry = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public async Task<Page<Account>> ReadAsync(Guid partnerId, AccountListQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT *, xmin FROM accounts WHERE partner_id = @partner");
        var parameters = new List<NpgsqlParameter> { new("partner", partnerId) };
        sql.Append(query.Status switch
        {
            "active" => " AND status <> 'Expired'",
            "expired" => " AND status = 'Expired'",
            "pending" => " AND status = 'Pending'",
            "trial" => " AND status = 'Trial'",
            "payment_failed" => " AND status = 'PaymentFailed'",
            "cancelled" => " AND status = 'Cancelled'",
            _ => "",
        });
        if (query.Cadence is not null)
        {
            sql.Append(" AND list_cadence = @cadence");
            parameters.Add(new("cadence", query.Cadence));
        }
        if (query.Search is not null)
        {
            sql.Append(" AND list_search LIKE @search");
            parameters.Add(new("search", "%" + EscapeLike(query.Search) + "%"));
        }

        var keys = query.Sort switch
        {
            "name" => new[] { "name" },
            "plan_size" => ["list_contacts", "list_seats", "id"],
            "created" => ["created_at", "id"],
            _ => ["list_expires", "id"],
        };
        if (query.After is { } after)
        {
            var values = query.Sort switch
            {
                "name" => new object[] { after.Name ?? "" },
                "plan_size" => [after.Contacts, after.Seats, after.Id],
                _ => [after.At, after.Id],
            };
            var names = values.Select((v, i) => "@k" + i).ToList();
            parameters.AddRange(values.Select((v, i) => new NpgsqlParameter("k" + i, v)));
            sql.Append(" AND (").Append(string.Join(", ", keys)).Append(query.Descending ? ") < (" : ") > (").Append(string.Join(", ", names)).Append(')');
        }
        var direction = query.Descending ? " DESC" : " ASC";
        sql.Append(" ORDER BY ").Append(string.Join(", ", keys.Select(k => k + direction)));
        sql.Append(" LIMIT ").Append(query.PageSize + 1);

        // EF joins the owned customer columns back onto the raw query, which may reorder its rows: order again outside.
        var rows = await Ordered(db.Accounts.FromSqlRaw(sql.ToString(), [.. parameters]).AsNoTracking(), query).ToListAsync(cancellationToken);
        return KeysetPage.Cut(rows, query.PageSize, last => new PageToken(query.Sort, query.Descending, last.Name, last.Plan.Contacts ?? 0,
            last.Plan.Seats ?? 0, query.Sort == "created" ? last.CreatedAt : last.CurrentPeriodEnd ?? NoExpiry, last.Id), a => a);
    }

    private static IQueryable<Account> Ordered(IQueryable<Account> rows, AccountListQuery query) => (query.Sort, query.Descending) switch
    {
        ("name", false) => rows.OrderBy(a => a.Name),
        ("name", true) => rows.OrderByDescending(a => a.Name),
        ("plan_size", false) => rows.OrderBy(a => EF.Property<int>(a, AccountListConfiguration.Contacts))
            .ThenBy(a => EF.Property<int>(a, AccountListConfiguration.Seats)).ThenBy(a => a.Id),
        ("plan_size", true) => rows.OrderByDescending(a => EF.Property<int>(a, AccountListConfiguration.Contacts))
            .ThenByDescending(a => EF.Property<int>(a, AccountListConfiguration.Seats)).ThenByDescending(a => a.Id),
        ("created", false) => rows.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id),
        ("created", true) => rows.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
        (_, false) => rows.OrderBy(a => EF.Property<DateTimeOffset>(a, AccountListConfiguration.Expires)).ThenBy(a => a.Id),
        (_, true) => rows.OrderByDescending(a => EF.Property<DateTimeOffset>(a, AccountListConfiguration.Expires)).ThenByDescending(a => a.Id),
    };

    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
