using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Domain.Webhooks;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// The body of a delivery: <c>{"id", "type", "occurredAt", "data"}</c>, where data holds the contact's id and external reference
/// (when the event is about a contact) and the event's own fields. The same delivery always gives the same body.
/// </summary>
public static class WebhookPayload
{
    public static string Compose(WebhookDelivery delivery, string? externalReference)
    {
        var data = new JsonObject();
        if (delivery.ContactId is { } contactId)
        {
            data["contactId"] = contactId;
            data["externalReference"] = externalReference;
        }
        if (JsonNode.Parse(delivery.Data) is JsonObject fields)
        {
            foreach (var (name, value) in fields.ToList())
            {
                fields.Remove(name);
                data[name] = value;
            }
        }
        var body = new JsonObject
        {
            ["id"] = delivery.EventId,
            ["type"] = delivery.EventType,
            ["occurredAt"] = delivery.OccurredAt.ToUniversalTime(),
            ["data"] = data,
        };
        return body.ToJsonString(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
