using System.Text.Json.Serialization;

namespace Reseller.Partners.Payouts.PayPal;

/// <summary>The parts of PayPal's Payouts v1 JSON this adapter writes and reads.</summary>
public static class PayPalWire
{
    public sealed record Token([property: JsonPropertyName("access_token")] string AccessToken, [property: JsonPropertyName("expires_in")] int ExpiresIn);

    public sealed record Money([property: JsonPropertyName("value")] string Value, [property: JsonPropertyName("currency")] string Currency);

    public sealed record SenderBatchHeader(
        [property: JsonPropertyName("sender_batch_id")] string SenderBatchId,
        [property: JsonPropertyName("email_subject")] string EmailSubject);

    public sealed record Item(
        [property: JsonPropertyName("recipient_type")] string RecipientType,
        [property: JsonPropertyName("amount")] Money Amount,
        [property: JsonPropertyName("receiver")] string Receiver,
        [property: JsonPropertyName("sender_item_id")] string SenderItemId,
        [property: JsonPropertyName("note")] string Note);

    public sealed record CreateBatch(
        [property: JsonPropertyName("sender_batch_header")] SenderBatchHeader SenderBatchHeader,
        [property: JsonPropertyName("items")] IReadOnlyList<Item> Items);

    public sealed record BatchHeader([property: JsonPropertyName("payout_batch_id")] string PayoutBatchId);

    public sealed record Batch(
        [property: JsonPropertyName("batch_header")] BatchHeader BatchHeader,
        [property: JsonPropertyName("items")] IReadOnlyList<BatchItem>? Items);

    public sealed record BatchItem(
        [property: JsonPropertyName("payout_item_id")] string? PayoutItemId,
        [property: JsonPropertyName("transaction_status")] string? TransactionStatus,
        [property: JsonPropertyName("payout_item")] PayoutItem PayoutItem,
        [property: JsonPropertyName("errors")] ItemError? Errors);

    public sealed record PayoutItem([property: JsonPropertyName("sender_item_id")] string SenderItemId);

    public sealed record ItemError([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("message")] string? Message);
}
