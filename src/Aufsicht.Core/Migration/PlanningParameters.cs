namespace Aufsicht.Core.Migration;

/// <summary>
/// The numbers the work-package generator works with (<c>migration/parameters.json</c>; a planner may change each).
/// Efforts in person-days, money in cents, months and counts as integers.
/// </summary>
/// <remarks>
/// EffortPerUnit: person-days per unit of a pillar (workplace for office and operating system, mailbox for mail, user otherwise).
/// PreparationDays: person-days to prepare one body's move of one pillar (packaging, configuration, data-migration tests), for a body of at least one cohort; less in proportion below.
/// ApplicationDays: person-days per application to make compatible (needs-work), replace (incompatible) or assess (unknown).
/// PilotShare / PilotMinimum: the pilot's share of the units, and at least this many units (never more than all).
/// CohortSize: units per roll-out cohort after the pilot.
/// TrainingDaysPerUser / TraineesPerTrainerDay: training per user, and how many users one trainer-day trains.
/// SupportPerThousand: support persons per 1,000 users of a pilot or cohort for the month it goes live.
/// TeamCrew / TrainerCrew: at most this many persons of the migration team work on one package, trainers on one training package.
/// Demands and capacities are person-days per month (<see cref="PersonDays(IReadOnlyDictionary{string, int})"/>).
/// </remarks>
public sealed record PlanningParameters(
    IReadOnlyDictionary<Pillar, decimal> EffortPerUnit,
    decimal PreparationDays,
    decimal MakeCompatibleDays,
    decimal ReplaceDays,
    decimal AssessDays,
    decimal PilotShare,
    int PilotMinimum,
    int CohortSize,
    decimal TrainingDaysPerUser,
    decimal TraineesPerTrainerDay,
    int ParallelMonths,
    decimal SupportPerThousand,
    int WorkdaysPerMonth,
    int TeamCrew,
    int TrainerCrew,
    int DefaultNoticeMonths,
    long DayRateCents,
    long OneOffPerUnitCents,
    long RunningPerUnitMonthCents,
    long LicencePerUnitYearCents)
{
    /// <summary>The parameter ids of the data file, each read into one property above.</summary>
    public static readonly IReadOnlyList<string> Ids =
    [
        "effort.office", "effort.operating-system", "effort.collaboration", "effort.mail", "effort.directory", "effort.telephony", "effort.video",
        "effort.preparation", "effort.make-compatible", "effort.replace", "effort.assess",
        "pilot.share", "pilot.minimum", "cohort.size", "training.days-per-user", "training.trainees-per-trainer-day",
        "parallel.months", "support.per-1000-users", "calendar.workdays-per-month", "crew.team", "crew.trainers",
        "contract.notice-months", "cost.day-rate", "cost.one-off-per-unit", "cost.running-per-unit-month", "cost.licence-per-unit-year",
    ];

    /// <summary>The capacities per month in person-days, from capacities in persons: what the packages' demands are counted in.</summary>
    public IReadOnlyDictionary<string, int> PersonDays(IReadOnlyDictionary<string, int> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        return persons.ToDictionary(c => c.Key, c => c.Value * WorkdaysPerMonth, StringComparer.Ordinal);
    }

    /// <summary>The pillars whose units are workplaces, mailboxes or users (the rest).</summary>
    public static int UnitsOf(Pillar pillar, int workplaces, int users, int mailboxes) => pillar switch
    {
        Pillar.Office or Pillar.OperatingSystem => workplaces,
        Pillar.Mail => mailboxes > 0 ? mailboxes : users,
        _ => users > 0 ? users : workplaces,
    };

    /// <summary>
    /// The parameters from the data file's entries (every id of <see cref="Ids"/> present, counts whole and positive,
    /// shares between 0 and 1, money in euros with at most two decimals); errors name the id.
    /// </summary>
    public static Result<PlanningParameters> From(IReadOnlyList<PlanningParameter> entries)
    {
        var byId = entries.ToDictionary(e => e.Id, e => e.Value, StringComparer.Ordinal);
        var errors = new List<Error>();
        decimal Get(string id)
        {
            if (byId.TryGetValue(id, out var value))
            {
                if (value < 0)
                {
                    errors.Add(Error.Invalid(id, "migration.parameter.negative", value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                return value;
            }

            errors.Add(Error.Invalid(id, "datafile.missing"));
            return 0;
        }

        int Count(string id)
        {
            var value = Get(id);
            if (value != decimal.Truncate(value) || value < 1 || value > 1_000_000)
            {
                errors.Add(Error.Invalid(id, "migration.parameter.count", value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return 1;
            }

            return (int)value;
        }

        long Cents(string id)
        {
            var euros = Get(id);
            if (euros * 100 != decimal.Truncate(euros * 100))
            {
                errors.Add(Error.Invalid(id, "migration.parameter.cents", euros.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return (long)decimal.Truncate(euros * 100);
        }

        var effort = new Dictionary<Pillar, decimal>();
        foreach (var pillar in new[] { Pillar.Office, Pillar.OperatingSystem, Pillar.Collaboration, Pillar.Mail, Pillar.Directory, Pillar.Telephony, Pillar.Video })
        {
            effort[pillar] = Get("effort." + MigrationNames.Wire(pillar));
        }

        var share = Get("pilot.share");
        if (share > 1)
        {
            errors.Add(Error.Invalid("pilot.share", "migration.parameter.share", share.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var parameters = new PlanningParameters(
            effort, Get("effort.preparation"), Get("effort.make-compatible"), Get("effort.replace"), Get("effort.assess"),
            share, Count("pilot.minimum"), Count("cohort.size"), Get("training.days-per-user"), Get("training.trainees-per-trainer-day"),
            Count("parallel.months"), Get("support.per-1000-users"), Count("calendar.workdays-per-month"), Count("crew.team"), Count("crew.trainers"),
            Count("contract.notice-months"), Cents("cost.day-rate"), Cents("cost.one-off-per-unit"), Cents("cost.running-per-unit-month"), Cents("cost.licence-per-unit-year"));
        if (parameters.TraineesPerTrainerDay <= 0)
        {
            errors.Add(Error.Invalid("training.trainees-per-trainer-day", "migration.parameter.count", "0"));
        }

        return errors.Count > 0 ? Result<PlanningParameters>.Fail(errors) : Result<PlanningParameters>.Ok(parameters);
    }
}
