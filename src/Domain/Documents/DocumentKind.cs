namespace Portal.Domain.Documents;

public enum DocumentKind
{
    Quotation = 1,
    SalesOrder = 2,
    Invoice = 3,
    CreditNote = 4,
}
