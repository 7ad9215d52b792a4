namespace Portal.Domain.Documents;

public enum DocumentStatus
{
    Draft = 0,
    Sent = 1,
    Confirmed = 2,
    Paid = 3,
    Cancelled = 4,
}
