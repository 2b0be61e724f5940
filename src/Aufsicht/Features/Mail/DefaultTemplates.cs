namespace Aufsicht.Features.Mail;

/// <summary>
/// The shipped invitation and reminder (Liquid). Formal German ("Sie"); each says who asks (the authority signs) and
/// on what legal basis, by when, where to answer, that no account is needed and that answers can be saved and
/// continued. The authority's name stands only in the signature: set into a sentence ("führen wir – Der
/// Landesbeauftragte … – eine Umfrage durch") it read badly whatever the name's grammar.
/// </summary>
internal static class DefaultTemplates
{
    public const string InvitationSubjectDe = "Auskunftsersuchen nach Art. 58 Abs. 1 lit. a DSGVO: {{ campaign.title }} (Frist: {{ campaign.deadline }})";

    public const string InvitationTextDe = """
        Sehr geehrte Damen und Herren,

        im Rahmen unserer Aufsicht nach der Datenschutz-Grundverordnung (DSGVO) führen wir eine Umfrage zum Einsatz von Videokonferenzsystemen durch: „{{ campaign.title }}“.

        Wir bitten Sie, für {{ body.name }} den Fragebogen „{{ questionnaire.title }}“ bis zum {{ campaign.deadline }} zu beantworten. Es handelt sich um ein Auskunftsersuchen nach Art. 58 Abs. 1 lit. a DSGVO: Danach kann die Aufsichtsbehörde Verantwortliche anweisen, alle Informationen bereitzustellen, die für die Erfüllung ihrer Aufgaben erforderlich sind.

        Zum Fragebogen gelangen Sie über diesen persönlichen Link:
        {{ link }}

        Ein Benutzerkonto brauchen Sie dafür nicht. Sie können Ihre Antworten jederzeit zwischenspeichern und später über denselben Link fortsetzen. Bitte geben Sie den Link nur an Personen weiter, die für Ihre Stelle antworten sollen.

        Diese Nachricht wurde automatisch versandt. Bei Fragen wenden Sie sich bitte unter Angabe des Titels der Umfrage an uns.
        {{ contact }}

        Mit freundlichen Grüßen
        {{ authority }}
        """;

    public const string InvitationSubjectEn = "Information request under Art. 58(1)(a) GDPR: {{ campaign.title }} (deadline: {{ campaign.deadline }})";

    public const string InvitationTextEn = """
        Dear Sir or Madam,

        As part of our supervision under the General Data Protection Regulation (GDPR), we are conducting a survey on the use of video-conferencing systems: "{{ campaign.title }}".

        We ask you to answer the questionnaire "{{ questionnaire.title }}" for {{ body.name }} by {{ campaign.deadline }}. This is a request for information under Art. 58(1)(a) GDPR, which empowers the supervisory authority to order the controller to provide any information it requires for the performance of its tasks.

        The questionnaire is at this personal link:
        {{ link }}

        You do not need an account. You can save your answers at any time and continue later through the same link. Please pass the link on only to people who are to answer for your organisation.

        This message was sent automatically. If you have questions, please contact us, quoting the title of the survey.
        {{ contact }}

        Yours faithfully,
        {{ authority }}
        """;

    public const string ReminderSubjectDe = "Erinnerung: Auskunftsersuchen {{ campaign.title }} – Frist {{ campaign.deadline }}";

    public const string ReminderTextDe = """
        Sehr geehrte Damen und Herren,

        wir haben Sie gebeten, für {{ body.name }} im Rahmen der Umfrage „{{ campaign.title }}“ zum Einsatz von Videokonferenzsystemen den Fragebogen „{{ questionnaire.title }}“ zu beantworten (Auskunftsersuchen nach Art. 58 Abs. 1 lit. a DSGVO). Bisher liegt uns Ihre Antwort nicht vor.

        Bitte beantworten Sie den Fragebogen bis zum {{ campaign.deadline }} über Ihren persönlichen Link:
        {{ link }}

        Ein Benutzerkonto brauchen Sie nicht. Bereits gespeicherte Antworten bleiben erhalten; Sie können dort fortfahren, wo Sie aufgehört haben, und jederzeit wieder zwischenspeichern.

        Sollten Sie inzwischen geantwortet haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.
        {{ contact }}

        Mit freundlichen Grüßen
        {{ authority }}
        """;

    public const string ReminderSubjectEn = "Reminder: information request {{ campaign.title }} – deadline {{ campaign.deadline }}";

    public const string ReminderTextEn = """
        Dear Sir or Madam,

        We have asked you to answer the questionnaire "{{ questionnaire.title }}" for {{ body.name }} in our survey "{{ campaign.title }}" on the use of video-conferencing systems (a request for information under Art. 58(1)(a) GDPR). We have not received your answers yet.

        Please answer the questionnaire by {{ campaign.deadline }} through your personal link:
        {{ link }}

        You do not need an account. Answers you have saved are kept; you can continue where you left off and save again at any time.

        If you have answered in the meantime, please disregard this reminder.
        {{ contact }}

        Yours faithfully,
        {{ authority }}
        """;
}
