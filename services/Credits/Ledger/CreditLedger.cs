using System.Diagnostics;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using Npgsql;

using Reseller.Credits.Data;

using BalanceKey = (System.Guid PartnerId, System.Guid AccountId, Reseller.Credits.Ledger.CreditKind Kind);

namespace Reseller.Credits.Ledger;

/// <summary>
/// The only way credit moves: each call changes cached balances and appends their ledger entries in one transaction (one
/// SQL statement for a single move), so a balance is always the sum of its entries. A debit is conditional on the balance
/// covering it: never negative.
/// </summary>
public sealed class CreditLedger(CreditsDb db, TimeProvider clock)
{
    public async Task CreditAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken)
    {
        var holder = CreditBalance.HolderOf(accountId);
        var kindName = kind.ToString();
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            WITH b AS (
                INSERT INTO credit_balances (partner_id, holder_id, kind, balance) VALUES ({partnerId}::uuid, {holder}::uuid, {kindName}::varchar, {quantity}::bigint)
                ON CONFLICT (partner_id, holder_id, kind) DO UPDATE SET balance = credit_balances.balance + EXCLUDED.balance
                RETURNING 1)
            INSERT INTO ledger_entries (partner_id, account_id, kind, entry_type, quantity, reference, created_at)
            SELECT {partnerId}::uuid, {accountId}::uuid, {kindName}::varchar, {entryType}::varchar, {quantity}::bigint, {reference}::varchar, {now}::timestamptz FROM b
            """, cancellationToken);
    }

    /// <summary>Takes <paramref name="quantity"/> if the holder has it; returns false and changes nothing otherwise.</summary>
    public async Task<bool> TryDebitAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken) =>
        await DebitReturningBalanceAsync(partnerId, accountId, kind, entryType, quantity, reference, cancellationToken) is not null;

    /// <summary>Takes <paramref name="quantity"/> if the holder has it and returns the balance left; null (nothing changed) otherwise.</summary>
    public async Task<long?> DebitReturningBalanceAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken)
    {
        var holder = CreditBalance.HolderOf(accountId);
        var kindName = kind.ToString();
        var now = clock.GetUtcNow();
        var entry = -quantity;
        var left = await db.Database.SqlQuery<long>($"""
            WITH b AS (
                UPDATE credit_balances SET balance = balance - {quantity}::bigint
                WHERE partner_id = {partnerId}::uuid AND holder_id = {holder}::uuid AND kind = {kindName}::varchar AND balance >= {quantity}::bigint
                RETURNING balance),
            e AS (
                INSERT INTO ledger_entries (partner_id, account_id, kind, entry_type, quantity, reference, created_at)
                SELECT {partnerId}::uuid, {accountId}::uuid, {kindName}::varchar, {entryType}::varchar, {entry}::bigint, {reference}::varchar, {now}::timestamptz FROM b)
            SELECT balance AS "Value" FROM b
            """).ToListAsync(cancellationToken);
        return left.Count == 1 ? left[0] : null;
    }

    /// <summary>
    /// Debits of many accounts' balances in one transaction and one commit. The balances they name are locked first, in key
    /// order (two such transactions never wait on each other in a cycle); then each debit, in the list's order, is taken if
    /// what the earlier ones of its balance left covers it (a refused one changes nothing). Returns, for each, the balance
    /// left after it, or null where it was refused. Each taken debit appends its own entry, in the list's order, as
    /// <see cref="DebitReturningBalanceAsync"/> would. Another transaction that locks two of these balances in its own order
    /// (an account moving between partners) can close a cycle; when the database breaks it by rolling this one back, each
    /// debit is then decided on its own, in order, so none fails for having shared a transaction.
    /// </summary>
    public async Task<long?[]> DebitEachReturningBalancesAsync(IReadOnlyList<AccountDebit> debits, string entryType, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await DebitTogetherAsync(debits, entryType, reference, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            Activity.Current?.AddEvent(new ActivityEvent("deadlock broken: debits decided one by one"));
            var left = new long?[debits.Count];
            for (var i = 0; i < debits.Count; i++)
            {
                var debit = debits[i];
                left[i] = await DebitReturningBalanceAsync(debit.PartnerId, debit.AccountId, debit.Kind, entryType, debit.Quantity, reference, cancellationToken);
            }
            return left;
        }
    }

    private async Task<long?[]> DebitTogetherAsync(IReadOnlyList<AccountDebit> debits, string entryType, string reference, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var balances = await LockBalancesAsync(debits, cancellationToken);
        var left = new long?[debits.Count];
        var taken = new List<AccountDebit>(debits.Count);
        for (var i = 0; i < debits.Count; i++)
        {
            var debit = debits[i];
            var key = (debit.PartnerId, debit.AccountId, debit.Kind);
            if (debit.Quantity > 0 && balances.TryGetValue(key, out var balance) && balance >= debit.Quantity)
            {
                balances[key] = balance - debit.Quantity;
                left[i] = balance - debit.Quantity;
                taken.Add(debit);
            }
        }
        if (taken.Count > 0)
        {
            // Each balance changes by the sum of its entries.
            var perBalance = taken.GroupBy(d => (d.PartnerId, d.AccountId, d.Kind)).Select(g => (g.Key, Taken: g.Sum(d => d.Quantity))).ToList();
            var partners = perBalance.ConvertAll(b => b.Key.PartnerId).ToArray();
            var holders = perBalance.ConvertAll(b => b.Key.AccountId).ToArray();
            var kinds = perBalance.ConvertAll(b => b.Key.Kind.ToString()).ToArray();
            var takenPerBalance = perBalance.ConvertAll(b => b.Taken).ToArray();
            var entryPartners = taken.ConvertAll(d => d.PartnerId).ToArray();
            var entryAccounts = taken.ConvertAll(d => d.AccountId).ToArray();
            var entryKinds = taken.ConvertAll(d => d.Kind.ToString()).ToArray();
            var entryQuantities = taken.ConvertAll(d => -d.Quantity).ToArray();
            var now = clock.GetUtcNow();
            await db.Database.ExecuteSqlAsync($"""
                WITH balances_taken AS (
                    UPDATE credit_balances b SET balance = b.balance - t.taken
                    FROM unnest({partners}::uuid[], {holders}::uuid[], {kinds}::varchar[], {takenPerBalance}::bigint[]) AS t(partner_id, holder_id, kind, taken)
                    WHERE (b.partner_id, b.holder_id, b.kind) = (t.partner_id, t.holder_id, t.kind)
                    RETURNING 1)
                INSERT INTO ledger_entries (partner_id, account_id, kind, entry_type, quantity, reference, created_at)
                SELECT e.partner_id, e.account_id, e.kind, {entryType}::varchar, e.quantity, {reference}::varchar, {now}::timestamptz
                FROM unnest({entryPartners}::uuid[], {entryAccounts}::uuid[], {entryKinds}::varchar[], {entryQuantities}::bigint[])
                    WITH ORDINALITY AS e(partner_id, account_id, kind, quantity, position)
                ORDER BY e.position
                """, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return left;
    }

    /// <summary>
    /// The balances the debits name that exist, locked until the surrounding transaction ends, taken in key order. Read with
    /// Npgsql itself: EF reads one column of a raw query into a scalar, and this answer keys each balance by three.
    /// </summary>
    private async Task<Dictionary<BalanceKey, long>> LockBalancesAsync(IReadOnlyList<AccountDebit> debits, CancellationToken cancellationToken)
    {
        var named = debits.Select(d => (d.PartnerId, d.AccountId, d.Kind)).Distinct().ToList();
        await using var command = new NpgsqlCommand("""
            SELECT b.partner_id, b.holder_id, b.kind, b.balance FROM credit_balances b
            WHERE (b.partner_id, b.holder_id, b.kind) IN (SELECT * FROM unnest(@partners, @holders, @kinds::varchar[]))
            ORDER BY b.partner_id, b.holder_id, b.kind
            FOR UPDATE
            """, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.AddWithValue("partners", named.ConvertAll(k => k.PartnerId).ToArray());
        command.Parameters.AddWithValue("holders", named.ConvertAll(k => k.AccountId).ToArray());
        command.Parameters.AddWithValue("kinds", named.ConvertAll(k => k.Kind.ToString()).ToArray());
        var balances = new Dictionary<BalanceKey, long>(named.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            balances[(reader.GetGuid(0), reader.GetGuid(1), Enum.Parse<CreditKind>(reader.GetString(2)))] = reader.GetInt64(3);
        }
        return balances;
    }

    /// <summary>Takes as much as the holder has, up to <paramref name="quantity"/>; returns what it took. Call inside a transaction.</summary>
    public async Task<long> DebitUpToAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken)
    {
        var available = await BalanceForUpdateAsync(partnerId, accountId, kind, cancellationToken);
        var take = Math.Min(available, quantity);
        if (take <= 0)
        {
            return 0;
        }
        return await TryDebitAsync(partnerId, accountId, kind, entryType, take, reference, cancellationToken) ? take : 0;
    }

    /// <summary>A holder's balance, locked until the surrounding transaction ends.</summary>
    public async Task<long> BalanceForUpdateAsync(Guid partnerId, Guid? accountId, CreditKind kind, CancellationToken cancellationToken)
    {
        var holder = CreditBalance.HolderOf(accountId);
        var kindName = kind.ToString();
        var balances = await db.Database.SqlQuery<long>($"""
            SELECT balance AS "Value" FROM credit_balances
            WHERE partner_id = {partnerId}::uuid AND holder_id = {holder}::uuid AND kind = {kindName}::varchar FOR UPDATE
            """).ToListAsync(cancellationToken);
        return balances.Count == 0 ? 0 : balances[0];
    }
}
