namespace Reseller.AccountListBenchmark;

public static class Scenarios
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("default (active, name asc), 20 pages deep", "", 20),
        new("plan_size desc, 20 pages deep", "sort=plan_size&order=desc", 20),
        new("cadence=annual, created desc, 20 pages deep", "cadence=annual&sort=created&order=desc", 20),
        new("status=expired, expires asc, 20 pages deep", "status=expired&sort=expires", 20),
        new("status=all, expires desc, 20 pages deep", "status=all&sort=expires&order=desc", 20),
        new("q=garage (1 in 8), name asc, 10 pages", "q=garage", 10),
        new("q=contact4242@ (rare e-mail), created asc", "q=contact4242%40&sort=created", 1),
    ];

    /// <summary>The SQL AccountList sends for some of the scenarios (EF wraps it in a sub-select that PostgreSQL flattens).</summary>
    public static readonly IReadOnlyList<(string Title, string Sql)> Explained =
    [
        ("default first page", "SELECT *, xmin FROM accounts WHERE partner_id = @partner AND status <> 'Expired' ORDER BY name ASC LIMIT 51"),
        ("plan_size desc, a page deep inside", "SELECT *, xmin FROM accounts WHERE partner_id = @partner AND status <> 'Expired' AND (list_contacts, list_seats, id) < (50000, 5, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid) ORDER BY list_contacts DESC, list_seats DESC, id DESC LIMIT 51"),
        ("cadence=annual, created desc", "SELECT *, xmin FROM accounts WHERE partner_id = @partner AND status <> 'Expired' AND list_cadence = 'annual' ORDER BY created_at DESC, id DESC LIMIT 51"),
        ("status=expired, expires asc", "SELECT *, xmin FROM accounts WHERE partner_id = @partner AND status = 'Expired' ORDER BY list_expires ASC, id ASC LIMIT 51"),
        ("q=garage, name asc", "SELECT *, xmin FROM accounts WHERE partner_id = @partner AND status <> 'Expired' AND list_search LIKE '%garage%' ORDER BY name ASC LIMIT 51"),
        ("q=contact4242@, created asc", "SELECT *, xmin FROM accounts WHERE partner_id = @partner AND status <> 'Expired' AND list_search LIKE '%contact4242@%' ORDER BY created_at ASC, id ASC LIMIT 51"),
    ];
}
