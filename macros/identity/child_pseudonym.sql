{% macro pseudonym_salt() -%}
    {#- The salt of the child pseudonym: environment variable SOSCARE_PSEUDONYM_SALT.
        The default is for synthetic data only; set a secret salt for real extracts. -#}
    {{ return(env_var('SOSCARE_PSEUDONYM_SALT', 'soscare-synthetic-data-only')) }}
{%- endmacro %}


{% macro child_pseudonym(anchor_expr) -%}
    {#- A salted one-way pseudonym (hex sha256 of salt || '|' || anchor) of a child's anchor identifier. -#}
    {{ return(adapter.dispatch('child_pseudonym', 'soscare')(anchor_expr)) }}
{%- endmacro %}

{% macro default__child_pseudonym(anchor_expr) -%}
    sha2({{ dbt.concat(["'" ~ dbt.escape_single_quotes(pseudonym_salt()) ~ "|'", anchor_expr]) }}, 256)
{%- endmacro %}

{% macro duckdb__child_pseudonym(anchor_expr) -%}
    sha256('{{ dbt.escape_single_quotes(pseudonym_salt()) }}|' || {{ anchor_expr }})
{%- endmacro %}


{% macro child_id(anchor_expr) -%}
    {#- The internal key of a child in the intermediate layer: a salted 64-bit surrogate of the anchor. Dispatched. -#}
    {{ return(adapter.dispatch('child_id', 'soscare')(anchor_expr)) }}
{%- endmacro %}

{% macro default__child_id(anchor_expr) -%}
    {#- Portable fallback: the pseudonym itself (the same partition of records, as text). -#}
    {{ soscare.child_pseudonym(anchor_expr) }}
{%- endmacro %}

{% macro duckdb__child_id(anchor_expr) -%}
    hash('{{ dbt.escape_single_quotes(pseudonym_salt()) }}|' || {{ anchor_expr }})
{%- endmacro %}
