using System.ComponentModel;

using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class KeysetPageTests
{
    private sealed record Row(string Name, long Id);

    private static readonly Row[] Rows = [new("b", 4), new("a", 2), new("c", 6), new("b", 3), new("a", 1), new("b", 5)];

    [Theory]
    [InlineData(ListSortDirection.Ascending, new long[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(ListSortDirection.Descending, new long[] { 6, 5, 4, 3, 2, 1 })]
    public void Pages_by_a_unique_key_walk_every_row_once_in_either_direction(ListSortDirection direction, long[] expected)
    {
        var walked = Walk(new Keyset<Row>(direction, (Row r) => r.Id), pageSize: 4);

        Assert.Equal(expected, walked.SelectMany(p => p).ToArray());
        Assert.Equal(new[] { 4, 2 }, walked.Select(p => p.Count));
    }

    [Theory]
    [InlineData(ListSortDirection.Ascending, new long[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(ListSortDirection.Descending, new long[] { 6, 5, 4, 3, 2, 1 })]
    public void Ties_of_the_sort_key_are_broken_by_the_unique_key_across_page_boundaries(ListSortDirection direction, long[] expected)
    {
        // Page size 2 ends pages inside the runs of equal names ("a", "a" | "b", "b" | "b", "c"), where a position of
        // the name alone would skip or repeat rows.
        var walked = Walk(new Keyset<Row>(direction, (Row r) => r.Name, (Row r) => r.Id), pageSize: 2);

        Assert.Equal(expected, walked.SelectMany(p => p).ToArray());
    }

    [Fact]
    public void The_last_page_has_no_next_token()
    {
        var keyset = new Keyset<Row>(ListSortDirection.Ascending, (Row r) => r.Id);

        var page = ReadPage(keyset, pageSize: 6, pageToken: null);

        Assert.Equal(6, page.Data.Count);
        Assert.Null(page.NextPageToken);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("bogus_")]
    [InlineData("WyJhIl0")] // ["a"]: a position of the wrong type
    [InlineData("WzEsMl0")] // [1,2]: a position of another order
    [InlineData("e30")] // {}
    [InlineData("")]
    public void A_token_this_order_did_not_give_is_a_400_validation_problem(string pageToken)
    {
        var keyset = new Keyset<Row>(ListSortDirection.Descending, (Row r) => r.Id);

        var problem = Assert.Throws<ProblemException>(() => keyset.After(pageToken));

        Assert.Equal(400, problem.Status);
        Assert.Equal("https://reseller.dev/problems/validation", problem.Type);
        Assert.Contains("page_token", problem.Errors!.Keys);
    }

    [Fact]
    public void A_token_is_url_safe_and_carries_every_key_of_the_position()
    {
        var keyset = new Keyset<Row>(ListSortDirection.Ascending, (Row r) => r.Name, (Row r) => r.Id);

        var token = ReadPage(keyset, pageSize: 3, pageToken: null).NextPageToken!;

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(new object?[] { "b", 3L }, keyset.After(token)!);
    }

    [Theory]
    [InlineData("led_4")]
    [InlineData("4")]
    public void A_last_id_token_issued_before_the_one_format_still_pages(string legacyToken)
    {
        var keyset = new Keyset<Row>(ListSortDirection.Descending, (Row r) => r.Id);

        var page = ReadPage(keyset, pageSize: 10, pageToken: legacyToken);

        Assert.Equal(new long[] { 3, 2, 1 }, page.Data);
    }

    [Fact]
    public void A_prefixed_or_bare_uuid_token_issued_before_the_one_format_still_pages()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() }.Order().ToArray();
        var (earlier, later) = (ids[0], ids[1]);
        var keyset = new Keyset<Guid>(ListSortDirection.Ascending, (Guid id) => id);

        foreach (var legacy in new[] { $"usr_{earlier:N}", earlier.ToString("N") })
        {
            Assert.Equal(new[] { later }, keyset.Seek(ids.AsQueryable(), keyset.After(legacy)).ToArray());
        }
    }

    private static List<List<long>> Walk(Keyset<Row> keyset, int pageSize)
    {
        var pages = new List<List<long>>();
        string? token = null;
        do
        {
            var page = ReadPage(keyset, pageSize, token);
            pages.Add([.. page.Data]);
            token = page.NextPageToken;
        }
        while (token is not null && pages.Count <= Rows.Length);
        return pages;
    }

    private static Page<long> ReadPage(Keyset<Row> keyset, int pageSize, string? pageToken)
    {
        var fetched = keyset.Seek(Rows.AsQueryable(), keyset.After(pageToken)).Take(pageSize + 1).ToList();
        return KeysetPage.Cut(fetched, pageSize, keyset.PositionOf, r => r.Id);
    }
}
