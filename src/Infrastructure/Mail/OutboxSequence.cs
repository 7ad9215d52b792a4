using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// The outbox's queue order, numbered by the database so that every instance draws from one counter: the time a mail is due
/// can't order mail queued in the same instant, nor can its id (a version 7 GUID is random within a millisecond).
/// PostgreSQL numbers it with an identity column. SQLite has no identity but for the row id, which the table has anyway (its key
/// is a GUID): a trigger copies it into the column. SQLite gives a new row the highest row id + 1 and lets one writer in at a
/// time, so the copy counts up in the order the mail was written, whichever instance wrote it.
/// </summary>
public static class OutboxSequence
{
    public const string Column = "Sequence";
    public const string SqliteTrigger = "TR_OutboxMessages_Sequence";

    internal static void Configure(ModelBuilder modelBuilder, bool isNpgsql)
    {
        var sequence = modelBuilder.Entity<OutboxMessage>().Property<long>(Column);
        if (isNpgsql)
        {
            sequence.ValueGeneratedOnAdd().UseIdentityByDefaultColumn();
        }
        else
        {
            // The app writes 0 and the trigger overwrites it; EF must not expect a value back from the insert.
            sequence.ValueGeneratedNever().HasDefaultValue(0L);
            modelBuilder.Entity<OutboxMessage>().ToTable(table => table.HasTrigger(SqliteTrigger));
        }
    }

    /// <summary>The trigger SQLite needs (PostgreSQL's identity is in the model); mail already queued is numbered as it was written.</summary>
    public static void Up(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Sqlite) return;
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{SqliteTrigger}" AFTER INSERT ON "OutboxMessages"
            BEGIN
                UPDATE "OutboxMessages" SET "{Column}" = NEW.rowid WHERE rowid = NEW.rowid;
            END;
            """);
        migrationBuilder.Sql($"""UPDATE "OutboxMessages" SET "{Column}" = rowid;""");
    }

    public static void Down(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Sqlite) return;
        migrationBuilder.Sql($"""DROP TRIGGER "{SqliteTrigger}";""");
    }
}
