{% macro soscare_staging_files() %}
    {#-
        What the quality models need to know of each staging model, in contract
        order: {file: {kind, trust, date, hcn, dates, codes, integers}}. `trust` and
        `date` are the columns giving a record's Trust and year (none when the file
        has none); `dates`, `codes` and `integers` list the cleaned columns whose
        `_issue` / `UNKNOWN` values are counted.
    -#}
    {{ return({
        'referrals': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['referral_date', 'allocated_date', 'initial_assessment_date', 'closed_date'],
            'codes': ['trust', 'referral_reason', 'rejection_reason', 'referral_outcome'],
            'integers': ['seq_no'],
        },
        'children_in_need': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['referral_date', 'initial_assessment_date'],
            'codes': ['trust', 'assessment_outcome'],
            'integers': ['seq_no'],
        },
        'cp_investigations': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['cpi_referral_date', 'outcome_date'],
            'codes': ['trust', 'abuse_type_1', 'abuse_type_2', 'abuse_type_3', 'abuse_type_4', 'outcome'],
            'integers': ['seq_no'],
        },
        'cp_conferences': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['conference_date'],
            'codes': ['trust', 'abuse_type_1', 'abuse_type_2', 'abuse_type_3', 'abuse_type_4', 'outcome', 'registration_reason'],
            'integers': ['seq_no'],
        },
        'cp_registrations': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['registration_date', 'deregistration_date'],
            'codes': ['trust', 'abuse_type_1', 'abuse_type_2', 'abuse_type_3', 'abuse_type_4', 'registration_reason', 'deregistration_reason'],
            'integers': ['seq_no'],
        },
        'looked_after': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['episode_start_date', 'discharge_date'],
            'codes': ['trust', 'reason_in_care', 'legal_status', 'placement_type', 'discharge_reason', 'discharged_to'],
            'integers': ['seq_no', 'placement_moves'],
        },
        'client27': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['care_entry_date', 'discharge_date'],
            'codes': ['reason_in_care', 'discharge_reason', 'discharged_to'],
            'integers': ['seq_no'],
        },
        'client27_legal_status': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['granted_date', 'terminated_date'],
            'codes': ['legal_status'],
            'integers': [],
        },
        'family': {
            'kind': 'module', 'trust': none, 'date': none, 'hcn': true,
            'dates': [],
            'codes': ['relationship'],
            'integers': [],
        },
        'client': {
            'kind': 'module', 'trust': 'trust', 'date': none, 'hcn': true,
            'dates': [],
            'codes': ['trust', 'gender', 'religion', 'ethnicity', 'country_of_birth'],
            'integers': ['seq_no', 'birth_month', 'birth_year'],
        },
        'client41': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'closed_date'],
            'codes': ['trust', 'episode_reason', 'closed_reason'],
            'integers': ['seq_no'],
        },
        'physical_impairment': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'end_date'],
            'codes': ['disability_type', 'diagnosis_type'],
            'integers': [],
        },
        'learning_disability': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'end_date'],
            'codes': ['disability_type', 'disability_degree'],
            'integers': [],
        },
        'mental_health': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'end_date'],
            'codes': ['condition_type'],
            'integers': [],
        },
        'soa_deprivation': {
            'kind': 'reference', 'trust': none, 'date': none, 'hcn': false,
            'dates': [],
            'codes': ['trust'],
            'integers': ['mdm_rank'],
        },
        'postcode_soa': {
            'kind': 'reference', 'trust': none, 'date': none, 'hcn': false,
            'dates': [],
            'codes': [],
            'integers': [],
        },
        'population': {
            'kind': 'reference', 'trust': none, 'date': none, 'hcn': false,
            'dates': [],
            'codes': ['sex'],
            'integers': ['year', 'age', 'population'],
        },
        'unscheduled_care': {
            'kind': 'reference', 'trust': 'setting_trust', 'date': 'arrival_date', 'hcn': true,
            'dates': ['arrival_date'],
            'codes': ['setting_type', 'setting_trust'],
            'integers': [],
        }
    }) }}
{% endmacro %}


{% macro soscare_staging_imports(files) -%}
    {#-
        Import CTEs, one per staged file, each named after its file:
        `<file> as (select * from stg_soscare__<file>),` (trailing comma: follow
        with the model's own CTEs).
    -#}
    {%- for file in files %}
{{ file }} as (
    select * from {{ ref('stg_soscare__' ~ file) }}
),
    {% endfor -%}
{%- endmacro %}
