{% macro soscare_staging_files() %}
    {#-
        What the quality models and tests need to know of each staging model, in
        contract order: {file: {kind, trust, date, hcn, dates, codes, integers}}.
        `trust` and `date` are the columns giving a record's Trust and year (none
        when the file has none); `dates` and `integers` list the cleaned columns
        whose `_issue` values are counted; `codes` maps each coded column to its
        code-list seed ({column: 'code_<list>'}, in column order: iterating it
        gives the columns, whose `UNKNOWN` values are counted, and
        `cleaned_columns_agree` checks each against its list).
    -#}
    {{ return({
        'referrals': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['referral_date', 'allocated_date', 'initial_assessment_date', 'closed_date'],
            'codes': {
                'trust': 'code_trust',
                'referral_reason': 'code_referral_reason',
                'rejection_reason': 'code_rejection_reason',
                'referral_outcome': 'code_referral_outcome',
            },
            'integers': ['seq_no'],
        },
        'children_in_need': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['referral_date', 'initial_assessment_date'],
            'codes': {
                'trust': 'code_trust',
                'assessment_outcome': 'code_assessment_outcome',
            },
            'integers': ['seq_no'],
        },
        'cp_investigations': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['cpi_referral_date', 'outcome_date'],
            'codes': {
                'trust': 'code_trust',
                'abuse_type_1': 'code_abuse_type',
                'abuse_type_2': 'code_abuse_type',
                'abuse_type_3': 'code_abuse_type',
                'abuse_type_4': 'code_abuse_type',
                'outcome': 'code_cpi_outcome',
            },
            'integers': ['seq_no'],
        },
        'cp_conferences': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['conference_date'],
            'codes': {
                'trust': 'code_trust',
                'abuse_type_1': 'code_abuse_type',
                'abuse_type_2': 'code_abuse_type',
                'abuse_type_3': 'code_abuse_type',
                'abuse_type_4': 'code_abuse_type',
                'outcome': 'code_conference_outcome',
                'registration_reason': 'code_registration_reason',
            },
            'integers': ['seq_no'],
        },
        'cp_registrations': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['registration_date', 'deregistration_date'],
            'codes': {
                'trust': 'code_trust',
                'abuse_type_1': 'code_abuse_type',
                'abuse_type_2': 'code_abuse_type',
                'abuse_type_3': 'code_abuse_type',
                'abuse_type_4': 'code_abuse_type',
                'registration_reason': 'code_registration_reason',
                'deregistration_reason': 'code_deregistration_reason',
            },
            'integers': ['seq_no'],
        },
        'looked_after': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['episode_start_date', 'discharge_date'],
            'codes': {
                'trust': 'code_trust',
                'reason_in_care': 'code_reason_in_care',
                'legal_status': 'code_legal_status',
                'placement_type': 'code_placement_type',
                'discharge_reason': 'code_discharge_reason',
                'discharged_to': 'code_discharged_to',
            },
            'integers': ['seq_no', 'placement_moves'],
        },
        'client27': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['care_entry_date', 'discharge_date'],
            'codes': {
                'reason_in_care': 'code_reason_in_care',
                'discharge_reason': 'code_discharge_reason',
                'discharged_to': 'code_discharged_to',
            },
            'integers': ['seq_no'],
        },
        'client27_legal_status': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['granted_date', 'terminated_date'],
            'codes': {
                'legal_status': 'code_legal_status',
            },
            'integers': [],
        },
        'family': {
            'kind': 'module', 'trust': none, 'date': none, 'hcn': true,
            'dates': [],
            'codes': {
                'relationship': 'code_relationship',
            },
            'integers': [],
        },
        'client': {
            'kind': 'module', 'trust': 'trust', 'date': none, 'hcn': true,
            'dates': [],
            'codes': {
                'trust': 'code_trust',
                'gender': 'code_gender',
                'religion': 'code_religion',
                'ethnicity': 'code_ethnicity',
                'country_of_birth': 'code_country_of_birth',
            },
            'integers': ['seq_no', 'birth_month', 'birth_year'],
        },
        'client41': {
            'kind': 'module', 'trust': 'trust', 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'closed_date'],
            'codes': {
                'trust': 'code_trust',
                'episode_reason': 'code_episode_reason',
                'closed_reason': 'code_closed_reason',
            },
            'integers': ['seq_no'],
        },
        'physical_impairment': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'end_date'],
            'codes': {
                'disability_type': 'code_physical_disability_type',
                'diagnosis_type': 'code_diagnosis_type',
            },
            'integers': [],
        },
        'learning_disability': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'end_date'],
            'codes': {
                'disability_type': 'code_learning_disability_type',
                'disability_degree': 'code_disability_degree',
            },
            'integers': [],
        },
        'mental_health': {
            'kind': 'module', 'trust': none, 'date': 'record_date', 'hcn': true,
            'dates': ['start_date', 'end_date'],
            'codes': {
                'condition_type': 'code_condition_type',
            },
            'integers': [],
        },
        'soa_deprivation': {
            'kind': 'reference', 'trust': none, 'date': none, 'hcn': false,
            'dates': [],
            'codes': {
                'trust': 'code_trust',
            },
            'integers': ['mdm_rank'],
        },
        'postcode_soa': {
            'kind': 'reference', 'trust': none, 'date': none, 'hcn': false,
            'dates': [],
            'codes': {},
            'integers': [],
        },
        'population': {
            'kind': 'reference', 'trust': none, 'date': none, 'hcn': false,
            'dates': [],
            'codes': {
                'sex': 'code_gender',
            },
            'integers': ['year', 'age', 'population'],
        },
        'unscheduled_care': {
            'kind': 'reference', 'trust': 'setting_trust', 'date': 'arrival_date', 'hcn': true,
            'dates': ['arrival_date'],
            'codes': {
                'setting_type': 'code_setting_type',
                'setting_trust': 'code_trust',
            },
            'integers': [],
        }
    }) }}
{% endmacro %}


{% macro soscare_code_lists(files) %}
    {#-
        The code-list seeds named in the `codes` of `files` (a mapping like
        `soscare_staging_files()`, or part of it), each once, in order. A
        compiler error when a file's `codes` is not a {column: code list}
        mapping or a coded column has no code list.
    -#}
    {%- set code_lists = [] -%}
    {%- for file, spec in files.items() -%}
        {%- if spec.codes is not mapping -%}
            {{ exceptions.raise_compiler_error(
                "soscare_staging_files()['" ~ file ~ "'].codes must map each coded column to its code-list seed,"
                ~ " e.g. {'trust': 'code_trust'}."
            ) }}
        {%- endif -%}
        {%- for column, code_list in spec.codes.items() -%}
            {%- if not code_list -%}
                {{ exceptions.raise_compiler_error(
                    "soscare_staging_files()['" ~ file ~ "'].codes: coded column " ~ column
                    ~ " has no code list; give its code-list seed, e.g. 'code_" ~ column ~ "'."
                ) }}
            {%- elif code_list not in code_lists -%}
                {%- do code_lists.append(code_list) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(code_lists) }}
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
