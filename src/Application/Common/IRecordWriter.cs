using Portal.Domain.Common;

namespace Portal.Application.Common;

/// <summary>
/// Appends a record in the unit of work that is being saved. Only domain-event handlers write records: a use case
/// raises the event and the record follows from it.
/// </summary>
public interface IRecordWriter<in T> where T : class, ISideEffectRecord
{
    void Append(T record);
}
