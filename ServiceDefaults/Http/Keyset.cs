using System.ComponentModel;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.Http;

/// <summary>
/// The order a list pages in (its keys, the last one unique, all in one direction) and the position of a row in it.
/// A position is the JSON array of the row's key values; <see cref="After"/> also reads the bare last id (with or
/// without its public prefix) that single-key lists issued before, so a client's paging in progress keeps working.
/// </summary>
public sealed class Keyset<TRow>(ListSortDirection direction, params LambdaExpression[] keys)
{
    private readonly Func<TRow, object?>[] readers = [.. keys.Select(Reader)];

    public IQueryable<TRow> Seek(IQueryable<TRow> rows, IReadOnlyList<object?>? after)
    {
        if (after is not null)
        {
            rows = rows.Where(StrictlyAfter(after));
        }
        var ordered = rows.Expression;
        for (var i = 0; i < keys.Length; i++)
        {
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (direction == ListSortDirection.Descending ? "Descending" : "");
            ordered = Expression.Call(typeof(Queryable), method, [typeof(TRow), keys[i].ReturnType], ordered, Expression.Quote(keys[i]));
        }
        return rows.Provider.CreateQuery<TRow>(ordered);
    }

    public object?[] PositionOf(TRow row) => [.. readers.Select(read => read(row))];

    /// <summary>The position a page token names, null without one; a token this order did not give is 400.</summary>
    public IReadOnlyList<object?>? After(string? pageToken)
    {
        if (pageToken is null)
        {
            return null;
        }
        return Decode(pageToken) ?? LegacyLastId(pageToken)
            ?? throw ValidationErrors.Reject("page_token", "page_token is not one this list gave.");
    }

    private object?[]? Decode(string pageToken)
    {
        if (!PageCursor.TryDecode<JsonElement[]>(pageToken, out var values) || values.Length != keys.Length)
        {
            return null;
        }
        try
        {
            var position = new object?[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                position[i] = values[i].Deserialize(keys[i].ReturnType);
                if (position[i] is null && keys[i].ReturnType.IsValueType)
                {
                    return null;
                }
            }
            return position;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private object?[]? LegacyLastId(string pageToken)
    {
        if (keys.Length != 1)
        {
            return null;
        }
        var value = pageToken[(pageToken.LastIndexOf('_') + 1)..];
        var type = keys[0].ReturnType;
        if (type == typeof(Guid) && Guid.TryParseExact(value, "N", out var id))
        {
            return [id];
        }
        if (type == typeof(long) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return [sequence];
        }
        return null;
    }

    /// <summary>(k0 &gt; v0) OR (k0 = v0 AND k1 &gt; v1) OR …, with &lt; when descending; values as query parameters.</summary>
    private Expression<Func<TRow, bool>> StrictlyAfter(IReadOnlyList<object?> after)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = new ParameterReplacer(keys[i].Parameters[0], row).Visit(keys[i].Body);
            var value = Parameter(after[i], keys[i].ReturnType);
            var beyond = Beyond(key, value);
            var branch = i == 0 ? beyond : Expression.AndAlso(equalSoFar, beyond);
            any = any is null ? branch : Expression.OrElse(any, branch);
            equalSoFar = i == 0 ? Expression.Equal(key, value) : Expression.AndAlso(equalSoFar, Expression.Equal(key, value));
        }
        return Expression.Lambda<Func<TRow, bool>>(any!, row);
    }

    private BinaryExpression Beyond(Expression key, Expression value)
    {
        if (key.Type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, value);
            return direction == ListSortDirection.Descending
                ? Expression.LessThan(compare, Expression.Constant(0))
                : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        return direction == ListSortDirection.Descending ? Expression.LessThan(key, value) : Expression.GreaterThan(key, value);
    }

    // A member of a constant object, as a closure's captured variable is, so EF sends the value as a query parameter.
    private static MemberExpression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
    }

    private static Func<TRow, object?> Reader(LambdaExpression key)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        var body = new ParameterReplacer(key.Parameters[0], row).Visit(key.Body);
        return Expression.Lambda<Func<TRow, object?>>(Expression.Convert(body, typeof(object)), row).Compile(preferInterpretation: true);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
