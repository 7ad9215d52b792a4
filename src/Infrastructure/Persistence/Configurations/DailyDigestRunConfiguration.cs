using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Adoption;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DailyDigestRunConfiguration : IEntityTypeConfiguration<DailyDigestRun>
{
    public void Configure(EntityTypeBuilder<DailyDigestRun> builder)
    {
        builder.ToTable("DailyDigestRuns");
        // The day is the key: a second digest of the same day, from any instance, can't be stored, so its mails aren't either.
        builder.HasKey(r => r.Day);
        builder.Property(r => r.Day).ValueGeneratedNever();
    }
}
