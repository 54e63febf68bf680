"""The sample teacher guide for Fase 5 (fifth and sixth grades): the Plan de Estudio 2022 explained,
and project plans."""

from .model import Book, Chapter, Heading, Items, Note, Paragraph, Table
from .practice import one_of, pick, questions, rounds

# A sentence that only page FORMATIVE_ASSESSMENT_PAGE of this guide holds (tests search for it).
FORMATIVE_ASSESSMENT_SENTENCE = (
    "La evaluación formativa tiene como propósito mejorar el aprendizaje mientras ocurre, no solo medirlo al final."
)

# -- 1. The NEM and Fase 5 ------------------------------------------------------------------------------------
FASE = (
    Paragraph(
        "El Plan de Estudio 2022 para la educación preescolar, primaria y secundaria organiza la educación "
        "básica en seis fases de aprendizaje. La Fase 1 corresponde a la educación inicial; la Fase 2, a "
        "preescolar; las fases 3, 4 y 5, a primaria, con dos grados cada una; y la Fase 6, a los tres grados "
        "de secundaria. La Fase 5 reúne quinto y sexto grados de primaria."
    ),
    Paragraph(
        "Organizar los grados en fases permite trabajar los aprendizajes en periodos más amplios que un ciclo "
        "escolar. Así, quien enseña tiene dos años para acompañar procesos que maduran a ritmos distintos, y "
        "puede retomar en sexto grado lo que en quinto apenas comenzó."
    ),
    Heading("La comunidad como punto de partida"),
    Paragraph(
        "Uno de los principios de la Nueva Escuela Mexicana es que la escuela forma parte de una comunidad y "
        "aprende de ella. Los problemas, saberes y proyectos del lugar donde viven las niñas y los niños son "
        "el punto de partida para organizar los contenidos, y lo que se aprende en el aula vuelve a la "
        "comunidad en forma de propuestas y acciones."
    ),
    Paragraph(
        "Las alumnas y los alumnos de quinto y sexto grados tienen, en general, entre diez y doce años. A esta "
        "edad pueden sostener investigaciones más largas, argumentar sus opiniones, trabajar con fuentes "
        "diversas y asumir responsabilidades dentro de un proyecto colectivo. También viven cambios físicos y "
        "emocionales propios del inicio de la adolescencia, que conviene atender con respeto y con "
        "información."
    ),
    Note(
        "Autonomía profesional",
        "El Plan de Estudio reconoce la autonomía profesional del magisterio: las y los "
        "docentes deciden, a partir de su conocimiento del grupo y de la comunidad, cómo organizar los contenidos, "
        "qué proyectos desarrollar y cómo evaluar. Esta guía ofrece ejemplos, no instrucciones obligatorias.",
    ),
    Heading("Los libros de texto de la fase"),
    Paragraph(
        "Para la Fase 5 hay libros de proyectos de aula, escolares y comunitarios, el libro Nuestros saberes y "
        "el libro Múltiples lenguajes, además del libro para la maestra y el maestro, Un libro sin recetas. "
        "Esta guía de muestra no sustituye a esos materiales: propone formas de trabajo que pueden combinarse "
        "con ellos."
    ),
)
FASE_QUESTIONS = (
    "¿Qué ventajas y qué retos encuentran en organizar quinto y sexto grados como una sola fase?",
    "¿Qué problemas o saberes de su comunidad podrían convertirse en punto de partida de un proyecto?",
    "¿Cómo se comunican hoy con quienes atendieron al grupo en cuarto grado? ¿Qué información les sería útil?",
    "¿Qué cambios propios del inicio de la adolescencia observan en el grupo y cómo los atienden?",
    "¿Qué decisiones sobre la enseñanza toman ya con autonomía y cuáles les gustaría tomar?",
)

# -- 2. Formative fields ------------------------------------------------------------------------------------
FIELDS = (
    Paragraph(
        "Los contenidos del Plan de Estudio 2022 se agrupan en cuatro campos formativos: Lenguajes; Saberes y "
        "pensamiento científico; Ética, naturaleza y sociedades; y De lo humano y lo comunitario. Cada campo "
        "reúne conocimientos que antes se enseñaban en asignaturas separadas, para que se estudien de manera "
        "relacionada."
    ),
    Heading("Lenguajes"),
    Paragraph(
        "Este campo abarca el español, las lenguas indígenas, el inglés, la lengua de señas mexicana y las "
        "artes como formas de expresión y comunicación. En la Fase 5 se espera que las alumnas y los alumnos "
        "lean y escriban textos de distintos tipos con propósitos reales, participen en conversaciones y "
        "debates, y usen diversos lenguajes para expresar ideas y emociones."
    ),
    Heading("Saberes y pensamiento científico"),
    Paragraph(
        "Este campo reúne el estudio de la naturaleza, la salud, la materia y la energía con el razonamiento "
        "numérico, la medición y la geometría. Propone que niñas y niños formulen preguntas, observen, "
        "experimenten, midan, registren datos y expliquen los fenómenos con argumentos y evidencias."
    ),
    Heading("Ética, naturaleza y sociedades"),
    Paragraph(
        "Aquí se estudian la historia, la geografía y la formación cívica y ética desde la relación entre las "
        "personas, sus comunidades y la naturaleza. Se busca que las alumnas y los alumnos comprendan los "
        "procesos sociales e históricos de México y del mundo, reconozcan la diversidad cultural y participen "
        "en la defensa de los derechos humanos y en el cuidado del ambiente."
    ),
    Heading("De lo humano y lo comunitario"),
    Paragraph(
        "Este campo atiende el desarrollo personal y la vida en comunidad: el cuidado del cuerpo y de la "
        "salud, la educación física, la educación socioemocional y las experiencias de trabajo colaborativo y "
        "de servicio a la comunidad."
    ),
    Note(
        "Recuerda",
        "Los campos formativos no son compartimentos: un buen proyecto suele tocar varios a la vez. Lo "
        "importante es que tenga un propósito claro y que se reconozca qué contenidos de cada campo se trabajan.",
    ),
)
FIELDS_QUESTIONS = (
    "Elijan un proyecto reciente del grupo: ¿qué contenidos de cada campo formativo se trabajaron?",
    "¿Qué contenidos del campo Lenguajes se pueden trabajar en la lengua originaria de la comunidad?",
    "¿Qué experimentos sencillos pueden hacerse en la escuela con los materiales disponibles?",
    "¿Cómo se relacionan la historia y la geografía de su localidad con los contenidos de la fase?",
    "¿En qué momentos de la jornada se atiende la educación socioemocional del grupo?",
    "¿Qué campo formativo les resulta más difícil de articular con los demás? ¿Por qué?",
)

# -- 3. Articulating axes ------------------------------------------------------------------------------------
AXES = (
    Paragraph(
        "Los ejes articuladores son temas que atraviesan todos los campos formativos y dan sentido a los "
        "contenidos. El Plan de Estudio 2022 propone siete: inclusión; pensamiento crítico; interculturalidad "
        "crítica; igualdad de género; vida saludable; apropiación de las culturas a través de la lectura y la "
        "escritura; y artes y experiencias estéticas."
    ),
    Paragraph(
        "La inclusión busca que todas las niñas y todos los niños aprendan y participen, sin importar su "
        "origen, su lengua, su condición económica o su discapacidad. Implica identificar y eliminar las "
        "barreras que la propia escuela pone al aprendizaje."
    ),
    Paragraph(
        "El pensamiento crítico se cultiva cuando el grupo analiza la información antes de aceptarla: quién la "
        "produjo, con qué propósito, qué pruebas ofrece y qué voces faltan."
    ),
    Paragraph(
        "La interculturalidad crítica reconoce que en México conviven muchas culturas y lenguas, y cuestiona "
        "las relaciones de desigualdad entre ellas. En el aula se traduce en valorar los saberes de las "
        "comunidades y en dialogar entre culturas en condiciones de respeto."
    ),
    Paragraph(
        "La igualdad de género propone revisar los estereotipos sobre lo que «deben» hacer niñas y niños, "
        "distribuir de forma justa las tareas en el aula y en casa, y prevenir cualquier forma de violencia."
    ),
    Paragraph(
        "La vida saludable relaciona la alimentación, la actividad física, el descanso y la salud emocional "
        "con las condiciones del entorno, como el acceso al agua potable o a espacios para jugar."
    ),
    Paragraph(
        "La apropiación de las culturas a través de la lectura y la escritura invita a leer y escribir con "
        "propósitos reales y a conocer los textos de distintas culturas, incluidas las tradiciones orales de "
        "la comunidad."
    ),
    Paragraph(
        "Las artes y experiencias estéticas reconocen que la música, la danza, el teatro y las artes visuales "
        "son formas de conocer, expresar y transformar el mundo."
    ),
    Note(
        "Para planear",
        "No es necesario trabajar los siete ejes en cada proyecto. Conviene elegir uno o dos que "
        "tengan relación directa con el tema y hacerlos visibles en las actividades y en la evaluación.",
    ),
)
AXES_QUESTIONS = (
    "¿Qué eje articulador está más presente en la vida diaria de su escuela? ¿Cuál casi no aparece?",
    "¿Qué estereotipos de género han observado en el recreo o en el reparto de tareas del aula?",
    "¿Qué textos de la tradición oral de la comunidad podrían leerse o escribirse con el grupo?",
    "¿Cómo puede el grupo analizar críticamente una noticia que circula en redes sociales?",
    "¿Qué condiciones del entorno escolar favorecen o dificultan una vida saludable?",
    "¿Qué expresiones artísticas de la comunidad podrían incorporarse a un proyecto?",
)

# -- 4. Synthetic and analytic programmes -------------------------------------------------------------------
PROGRAMMES = (
    Paragraph(
        "El programa sintético es el documento nacional que presenta, para cada fase, los contenidos y los "
        "procesos de desarrollo de aprendizaje de cada campo formativo. Es común para todas las escuelas del "
        "país."
    ),
    Paragraph(
        "El programa analítico es el que elabora cada escuela, en colectivo y generalmente en las sesiones del "
        "Consejo Técnico Escolar, a partir del programa sintético. En él se contextualizan los contenidos: se "
        "relacionan con la realidad de la comunidad, se decide cuáles se trabajan juntos y en qué orden, y se "
        "incorporan contenidos locales."
    ),
    Heading("Tres planos para construirlo"),
    Paragraph(
        "La propuesta oficial sugiere construir el programa analítico en tres planos: primero, una lectura de "
        "la realidad de la escuela y su comunidad; segundo, la contextualización de los contenidos del "
        "programa sintético; y tercero, el codiseño, en el que se incorporan contenidos que responden a "
        "necesidades locales."
    ),
    Paragraph(
        "El codiseño permite que la escuela agregue contenidos que el programa sintético no incluye pero que "
        "son importantes para su comunidad, como el cuidado de un río cercano, la lengua originaria del lugar "
        "o una festividad tradicional."
    ),
    Note(
        "Sugerencia",
        "Un diagnóstico útil del grupo no se limita a una prueba escrita: incluye conversaciones con "
        "las familias, la observación del juego y del trabajo en equipo, y una revisión de los trabajos del ciclo "
        "anterior.",
    ),
    Paragraph(
        "Del programa analítico se desprende la planeación didáctica de cada docente: los proyectos, las "
        "secuencias y las actividades que se realizarán con el grupo durante el ciclo escolar."
    ),
)
PROGRAMMES_QUESTIONS = (
    "¿Qué rasgos de la comunidad debería recoger la lectura de la realidad de su escuela?",
    "¿Qué contenido local propondrían incorporar mediante el codiseño? ¿Por qué es importante?",
    "¿Qué contenidos del programa sintético pueden trabajarse juntos en un mismo proyecto?",
    "¿Qué fuentes de información usarán para el diagnóstico del grupo, además de las pruebas escritas?",
    "¿Cómo se registrarán los acuerdos del colectivo para que sirvan el próximo ciclo escolar?",
)

# -- 5. Projects --------------------------------------------------------------------------------------------------
PROJECTS_INTRO = (
    Paragraph(
        "El Plan de Estudio 2022 privilegia el trabajo por proyectos, porque permite que el grupo investigue "
        "una situación real, tome decisiones y produzca algo que tenga sentido fuera del aula. Los libros de "
        "texto de la fase organizan los proyectos en tres escenarios: el aula, la escuela y la comunidad."
    ),
    Heading("Cuatro metodologías sociocríticas"),
    Paragraph(
        "La SEP sugiere cuatro metodologías, una asociada a cada campo formativo, aunque pueden usarse con "
        "flexibilidad: el aprendizaje basado en proyectos comunitarios, para Lenguajes; el aprendizaje "
        "basado en indagación con enfoque STEAM, para Saberes y pensamiento científico; el aprendizaje basado "
        "en problemas, para Ética, naturaleza y sociedades; y el aprendizaje servicio, para De lo humano y lo "
        "comunitario."
    ),
    Paragraph(
        "El aprendizaje basado en proyectos comunitarios se organiza en tres fases: planeación, en la que se "
        "identifica el problema y se planifica el trabajo; acción, en la que el grupo se acerca al tema, "
        "comprende y produce; e intervención, en la que se difunden los resultados y se reflexiona sobre lo "
        "logrado."
    ),
    Paragraph(
        "La indagación con enfoque STEAM parte de una pregunta que el grupo quiere responder. Sus fases son: "
        "introducción al tema, diseño de la investigación, organización y estructuración de las respuestas, "
        "presentación de los resultados y metacognición."
    ),
    Paragraph(
        "En el aprendizaje basado en problemas, el grupo parte de una situación problemática de su entorno: "
        "la presenta, recolecta información, formula el problema, organiza y vive la experiencia de buscar "
        "soluciones y, finalmente, analiza los resultados."
    ),
    Paragraph(
        "El aprendizaje servicio une el aprendizaje con una acción solidaria que responde a una necesidad real "
        "de la comunidad. Sus etapas son: punto de partida; lo que sé y lo que quiero saber; organización de "
        "las actividades; creatividad en marcha; y compartir y evaluar lo aprendido."
    ),
    Note(
        "Recuerda",
        "Las fases de cada metodología son una guía, no una receta. Un proyecto puede durar una semana "
        "o varias, según su alcance y el interés del grupo.",
    ),
)
PROJECTS_QUESTIONS = (
    "¿Qué proyecto del ciclo pasado tuvo mayor impacto fuera del aula? ¿Qué lo hizo posible?",
    "¿Qué metodología sociocrítica les resulta más cercana a su forma de trabajo? ¿Cuál menos?",
    "¿Cómo se distribuyen las tareas dentro de los equipos para que todas y todos participen?",
    "¿Qué producto final podría interesar de verdad a las familias de la comunidad?",
    "¿Cómo se decide cuándo un proyecto debe ampliarse o cerrarse antes de lo previsto?",
)

# -- 6. Formative assessment -----------------------------------------------------------------------------------
ASSESSMENT = (
    Paragraph(
        FORMATIVE_ASSESSMENT_SENTENCE + " Consiste en recoger información sobre lo que las alumnas y los "
        "alumnos están aprendiendo, interpretarla y usarla para ajustar la enseñanza y para ofrecer "
        "retroalimentación."
    ),
    Paragraph(
        "La retroalimentación es útil cuando es oportuna, concreta y se refiere al trabajo, no a la persona. "
        "Un comentario como «tu texto explica bien el problema del agua; ahora agrega un dato de la entrevista "
        "que hiciste» orienta más que una calificación o que un «muy bien»."
    ),
    Heading("Instrumentos"),
    Paragraph(
        "Para recoger evidencias se pueden usar listas de cotejo, rúbricas, registros anecdóticos, portafolios "
        "de trabajos, diarios de clase y las producciones del proyecto. Lo importante es que el instrumento "
        "corresponda a lo que se quiere observar."
    ),
    Heading("Autoevaluación y coevaluación"),
    Paragraph(
        "Cuando las alumnas y los alumnos revisan su propio trabajo con criterios claros (autoevaluación) o el "
        "de sus compañeros (coevaluación), aprenden a reconocer la calidad y a tomar decisiones sobre cómo "
        "mejorar. Conviene construir los criterios junto con el grupo."
    ),
    Note(
        "Evaluar y calificar",
        "Evaluar no es lo mismo que calificar. La calificación es un número que se asigna "
        "al final de un periodo; la evaluación formativa ocurre todos los días y se expresa, sobre todo, en "
        "comentarios y en cambios en la enseñanza.",
    ),
)
ASSESSMENT_QUESTIONS = (
    "¿Qué evidencias de aprendizaje recogen hoy y cuáles usan realmente para cambiar su enseñanza?",
    "Escriban un comentario de retroalimentación para un trabajo real del grupo. ¿Es concreto y oportuno?",
    "¿Cómo pueden construir con el grupo los criterios de una rúbrica?",
    "¿Qué lugar tiene la autoevaluación en su aula? ¿Cómo la introducirían?",
    "¿Cómo comunican a las familias lo que sus hijas e hijos están aprendiendo, más allá de la calificación?",
)
RUBRICS = (
    ("Investigación", "Usa una fuente", "Usa varias fuentes", "Compara sus fuentes"),
    ("Trabajo en equipo", "Participa si se le pide", "Cumple su tarea", "Apoya a su equipo"),
    ("Exposición oral", "Lee sus notas", "Explica con claridad", "Responde preguntas"),
    ("Texto escrito", "Ideas sueltas", "Ideas ordenadas", "Ideas con evidencias"),
    ("Registro de datos", "Datos incompletos", "Datos en una tabla", "Tabla y gráfica"),
    ("Propuestas", "Propone una idea", "Justifica su idea", "Evalúa varias ideas"),
)
CHECKLIST = (
    "Formula preguntas sobre el tema del proyecto.",
    "Registra sus observaciones con fecha y detalle.",
    "Consulta al menos dos fuentes de información distintas.",
    "Escucha las ideas de sus compañeras y compañeros antes de opinar.",
    "Cumple las tareas que acordó con su equipo.",
    "Explica con sus palabras lo que aprendió.",
    "Reconoce qué le costó trabajo y qué haría distinto.",
    "Relaciona lo aprendido con la vida de su comunidad.",
    "Revisa y corrige su trabajo antes de entregarlo.",
)


def _rubric(rng):
    return Table(
        ("Criterio", "En proceso", "Logrado", "Destacado"),
        tuple(pick(rng, RUBRICS, 3)),
        "Ejemplo de rúbrica analítica. Ajusten los criterios y los niveles con el grupo antes de usarla.",
        widths=(0.22, 0.26, 0.26, 0.26),
    )


def _checklist(rng):
    return Items("Lista de cotejo (marquen sí, no o a veces para cada estudiante).", tuple(pick(rng, CHECKLIST, 5)))


def _anecdotal_record(rng):
    rows = tuple((f"Estudiante {n}", "", "", "") for n in sorted(pick(rng, range(1, 31), 4)))
    return Table(
        ("Estudiante", "Fecha", "Lo que observé", "Qué haré"),
        rows,
        "Formato de registro anecdótico: anoten hechos concretos, no juicios.",
        widths=(0.2, 0.14, 0.4, 0.26),
    )


# -- 7. Inclusion -------------------------------------------------------------------------------------------------
INCLUSION = (
    Paragraph(
        "Un aula inclusiva parte de reconocer que cada estudiante aprende de manera distinta y que la "
        "diversidad es una riqueza, no un obstáculo. El diseño universal para el aprendizaje propone ofrecer "
        "desde el principio varias formas de presentar la información, varias formas de participar y varias "
        "formas de mostrar lo aprendido."
    ),
    Paragraph(
        "Cuando en el grupo hay estudiantes con discapacidad, conviene trabajar con la familia y, donde exista, "
        "con la Unidad de Servicios de Apoyo a la Educación Regular (USAER) para identificar las barreras y los "
        "apoyos necesarios: materiales en macrotipo o en braille, intérprete de lengua de señas mexicana, "
        "tiempos flexibles o ajustes en las actividades."
    ),
    Paragraph(
        "En las escuelas donde se habla una lengua indígena, la enseñanza en la lengua materna de las niñas y "
        "los niños es un derecho. Las actividades pueden realizarse en las dos lenguas, y los saberes de la "
        "comunidad pueden ser contenido del programa analítico."
    ),
    Paragraph(
        "Las barreras no están solo en las personas: también están en los materiales, en los espacios y en las "
        "actitudes. Un texto demasiado largo, una instrucción solo oral o un juego que siempre ganan los "
        "mismos son barreras que se pueden quitar."
    ),
    Note(
        "Una pregunta para cada planeación",
        "¿Quién podría quedar fuera de esta actividad y qué puedo cambiar para que participe?",
    ),
)
INCLUSION_QUESTIONS = (
    "¿Qué barreras para el aprendizaje y la participación identifican en su escuela: en los espacios, en los "
    "materiales o en las actitudes?",
    "¿Qué apoyos necesita cada estudiante del grupo para participar plenamente en el próximo proyecto?",
    "¿Cómo puede presentarse una misma información de tres maneras distintas?",
    "¿Qué saberes de las familias hablantes de una lengua indígena pueden incorporarse al aula?",
    "¿Con qué instituciones de la localidad pueden coordinarse para atender a estudiantes con discapacidad?",
)
ADJUSTMENTS = (
    "Presentar las instrucciones por escrito, de forma oral y con un ejemplo resuelto.",
    "Formar equipos en los que cada integrante tenga un papel definido y rotativo.",
    "Ofrecer la lectura en voz alta de los textos largos y materiales en letra grande.",
    "Permitir que el producto final se entregue como dibujo, grabación de audio o texto.",
    "Acordar señales visuales para los cambios de actividad y anticipar la rutina del día.",
    "Incluir palabras y expresiones de la lengua originaria de la comunidad en los materiales.",
)

# -- 8. Worked projects -------------------------------------------------------------------------------------------
METHODS = {
    "ABPC": (
        "Aprendizaje basado en proyectos comunitarios",
        (
            (
                "Planeación",
                (
                    (
                        "Identificación",
                        "Conversación inicial sobre {tema}: qué sabemos, qué nos preocupa y a quién afecta. "
                        "Se registran las ideas del grupo.",
                    ),
                    ("Recuperación", "Cada equipo escribe o dibuja una experiencia personal relacionada con {tema}."),
                    (
                        "Planificación",
                        "Acordamos el producto final ({producto}), los equipos, las tareas y un calendario.",
                    ),
                ),
            ),
            (
                "Acción",
                (
                    (
                        "Acercamiento",
                        "Buscamos información en los libros de texto, en la biblioteca y entre las personas de "
                        "la comunidad.",
                    ),
                    ("Comprensión y producción", "Cada equipo elabora un primer borrador y lo revisa con otro equipo."),
                    (
                        "Reconocimiento",
                        "Revisamos los avances: qué funcionó, qué dificultades hubo y qué ajustes necesitamos.",
                    ),
                    ("Concreción", "Terminamos la versión final de {producto}."),
                ),
            ),
            (
                "Intervención",
                (
                    ("Integración", "Ensayamos la presentación y preparamos los materiales para compartir."),
                    ("Difusión", "Presentamos {producto} a {audiencia}."),
                    (
                        "Consideraciones y avances",
                        "Reflexionamos en grupo sobre lo aprendido y sobre lo que cambió en la comunidad.",
                    ),
                ),
            ),
        ),
    ),
    "STEAM": (
        "Aprendizaje basado en indagación con enfoque STEAM",
        (
            (
                "Indagación",
                (
                    (
                        "Introducción al tema",
                        "Planteamos la pregunta de indagación: {pregunta} Cada estudiante anota su hipótesis.",
                    ),
                    (
                        "Diseño de investigación",
                        "Los equipos deciden qué van a observar o medir, con qué materiales y cómo "
                        "registrarán los datos.",
                    ),
                    (
                        "Organizar y estructurar las respuestas",
                        "Organizamos los datos en tablas y gráficas y buscamos patrones.",
                    ),
                    (
                        "Presentación de los resultados",
                        "Cada equipo presenta {producto} y compara sus conclusiones con sus hipótesis.",
                    ),
                    (
                        "Metacognición",
                        "Reflexionamos: ¿qué aprendimos?, ¿qué haríamos distinto?, ¿qué nuevas preguntas surgieron?",
                    ),
                ),
            ),
        ),
    ),
    "ABP": (
        "Aprendizaje basado en problemas",
        (
            (
                "Problema",
                (
                    (
                        "Presentemos",
                        "Presentamos la situación: {situacion}. El grupo comenta qué sabe y qué le inquieta.",
                    ),
                    (
                        "Recolectemos",
                        "Recolectamos información: entrevistas, notas periodísticas y datos de la comunidad.",
                    ),
                    (
                        "Formulemos el problema",
                        "Redactamos el problema como una pregunta que podamos responder juntos.",
                    ),
                    (
                        "Organicemos la experiencia",
                        "Planeamos acciones posibles y elegimos la más viable, con responsables y tiempos.",
                    ),
                    ("Vivamos la experiencia", "Llevamos a cabo las acciones acordadas y registramos lo que ocurre."),
                    (
                        "Resultados y análisis",
                        "Analizamos los resultados, los compartimos con {audiencia} y decidimos cómo seguir.",
                    ),
                ),
            ),
        ),
    ),
    "AS": (
        "Aprendizaje servicio",
        (
            (
                "Servicio",
                (
                    ("Punto de partida", "Identificamos una necesidad de la comunidad relacionada con {tema}."),
                    (
                        "Lo que sé y lo que quiero saber",
                        "Registramos lo que sabemos y lo que necesitamos investigar para ayudar.",
                    ),
                    (
                        "Organicemos las actividades",
                        "Planeamos el servicio: qué haremos, con quién, cuándo y con qué recursos.",
                    ),
                    ("Creatividad en marcha", "Realizamos el servicio: {servicio}."),
                    (
                        "Compartimos y evaluamos lo aprendido",
                        "Compartimos la experiencia con {audiencia} y evaluamos lo que aprendimos y lo que logramos.",
                    ),
                ),
            ),
        ),
    ),
}
PROJECTS = (
    {
        "titulo": "El agua que usamos en la escuela",
        "escenario": "Escolar",
        "campo": "Saberes y pensamiento científico",
        "metodo": "STEAM",
        "ejes": "vida saludable y pensamiento crítico",
        "tema": "el uso del agua en la escuela",
        "pregunta": "¿cuánta agua se usa en la escuela en un día y dónde se desperdicia?",
        "producto": "un informe con propuestas para ahorrar agua",
        "audiencia": "la comunidad escolar",
        "proposito": "Que el grupo mida el consumo de agua de la escuela, identifique dónde se desperdicia y proponga "
        "medidas para cuidarla.",
    },
    {
        "titulo": "Crónicas de nuestra comunidad",
        "escenario": "Comunitario",
        "campo": "Lenguajes",
        "metodo": "ABPC",
        "ejes": "apropiación de las culturas a través de la lectura y la escritura, e interculturalidad crítica",
        "tema": "la historia de nuestra comunidad",
        "producto": "un libro cartonero de crónicas",
        "audiencia": "las familias y las personas entrevistadas",
        "proposito": "Que el grupo entreviste a personas mayores, escriba crónicas sobre la historia local y las "
        "comparta con la comunidad.",
    },
    {
        "titulo": "Un huerto escolar",
        "escenario": "Escolar",
        "campo": "De lo humano y lo comunitario",
        "metodo": "AS",
        "ejes": "vida saludable e inclusión",
        "tema": "la alimentación de la comunidad escolar",
        "servicio": "sembramos y cuidamos un huerto y compartimos la cosecha con las familias",
        "producto": "el huerto y su registro de cultivo",
        "audiencia": "las familias",
        "proposito": "Que el grupo organice un huerto escolar y reflexione sobre la "
        "alimentación saludable y el trabajo colaborativo.",
    },
    {
        "titulo": "Juegos tradicionales para el recreo",
        "escenario": "Escolar",
        "campo": "De lo humano y lo comunitario",
        "metodo": "AS",
        "ejes": "inclusión e igualdad de género",
        "tema": "el juego durante el recreo",
        "servicio": "enseñamos juegos tradicionales a los grupos de primero y segundo grados",
        "producto": "un fichero de juegos tradicionales",
        "audiencia": "los grupos más pequeños",
        "proposito": "Que el grupo recupere juegos tradicionales de su "
        "comunidad y los enseñe, cuidando que todas y todos puedan participar.",
    },
    {
        "titulo": "¿A dónde va nuestra basura?",
        "escenario": "Comunitario",
        "campo": "Ética, naturaleza y sociedades",
        "metodo": "ABP",
        "ejes": "pensamiento crítico y vida saludable",
        "tema": "el manejo de los residuos en la comunidad",
        "producto": "una propuesta de manejo de residuos para el tianguis",
        "situacion": "en las calles cercanas a la escuela se acumula basura después del tianguis",
        "audiencia": "las autoridades locales y los comerciantes del tianguis",
        "proposito": "Que el grupo investigue el manejo de los residuos en su colonia o localidad y proponga acciones "
        "con las personas involucradas.",
    },
    {
        "titulo": "Periódico mural bilingüe",
        "escenario": "Aula",
        "campo": "Lenguajes",
        "metodo": "ABPC",
        "ejes": "interculturalidad crítica y apropiación de las culturas a través de la lectura y la escritura",
        "tema": "las noticias de nuestra comunidad en las dos lenguas que se hablan en ella",
        "producto": "un periódico mural bilingüe",
        "audiencia": "la comunidad escolar",
        "proposito": "Que el grupo escriba noticias en español y en la lengua originaria de la "
        "comunidad y las publique "
        "en un periódico mural.",
    },
    {
        "titulo": "El clima de nuestra localidad",
        "escenario": "Aula",
        "campo": "Saberes y pensamiento científico",
        "metodo": "STEAM",
        "ejes": "pensamiento crítico",
        "tema": "el clima de la localidad",
        "pregunta": "¿cómo cambian la temperatura y la lluvia a lo largo de un mes en nuestra localidad?",
        "producto": "un boletín del clima con sus tablas y gráficas",
        "audiencia": "las familias",
        "proposito": "Que el grupo construya instrumentos sencillos, registre datos del clima durante un mes y los "
        "interprete.",
    },
    {
        "titulo": "Mapa de riesgos de la escuela",
        "escenario": "Escolar",
        "campo": "Ética, naturaleza y sociedades",
        "metodo": "ABP",
        "ejes": "pensamiento crítico e inclusión",
        "tema": "la protección civil en la escuela",
        "producto": "un mapa de riesgos con rutas de evacuación",
        "situacion": "no sabemos qué hacer ni a dónde ir si ocurre un sismo durante las clases",
        "audiencia": "toda la escuela",
        "proposito": "Que el grupo identifique los riesgos y las zonas seguras de la "
        "escuela y proponga un plan de protección civil que considere a todas las personas.",
    },
    {
        "titulo": "Igualdad en las tareas de casa",
        "escenario": "Comunitario",
        "campo": "Ética, naturaleza y sociedades",
        "metodo": "ABP",
        "ejes": "igualdad de género",
        "tema": "el reparto de las tareas del hogar",
        "producto": "un acuerdo familiar para repartir las tareas",
        "situacion": "en muchas casas las tareas del hogar recaen en una sola persona",
        "audiencia": "las familias",
        "proposito": "Que el grupo analice cómo se reparten las tareas del hogar y proponga acuerdos más justos.",
    },
    {
        "titulo": "Teatro de sombras con leyendas",
        "escenario": "Aula",
        "campo": "Lenguajes",
        "metodo": "ABPC",
        "ejes": "artes y experiencias estéticas, e interculturalidad crítica",
        "tema": "las leyendas que se cuentan en nuestra comunidad",
        "producto": "una función de teatro de sombras",
        "audiencia": "los grupos de la escuela y las familias",
        "proposito": "Que el grupo recopile leyendas de la comunidad, las adapte como guion y las represente con "
        "teatro de sombras.",
    },
)
EVALUATION = (
    "Evaluación: se revisan los borradores con una lista de cotejo elaborada con el grupo y se conserva en el "
    "portafolio la versión final de {producto}.",
    "Evaluación: cada equipo se autoevalúa con una rúbrica de tres niveles y recibe comentarios escritos de otro "
    "equipo sobre {producto}.",
    "Evaluación: la maestra o el maestro registra observaciones en un diario de clase y, al cierre, cada estudiante "
    "escribe qué aprendió sobre {tema}.",
)
REFLECTIONS = (
    "¿Qué voces de la comunidad faltaron en este proyecto y cómo podrían incluirse la próxima vez?",
    "¿Qué contenidos de otros campos formativos aparecieron sin haberlos planeado?",
    "¿Qué estudiantes asumieron responsabilidades nuevas? ¿Cómo se puede sostener ese avance?",
    "¿Qué cambiarían del calendario del proyecto para el próximo ciclo escolar?",
)


def _fill(text, project):
    return text.format(**project)


def project_plan(rng, project):
    """The blocks of one project: its card, purpose, sessions by phase, assessment and a reflection."""
    method_name, phases = METHODS[project["metodo"]]
    minutes = rng.choice([45, 50, 60])
    sessions = sum(len(steps) for _phase, steps in phases)
    blocks = [
        Heading(f"Proyecto: {project['titulo']}"),
        Table(
            ("Rasgo", "Descripción"),
            (
                ("Escenario", project["escenario"]),
                ("Campo formativo", project["campo"]),
                ("Metodología", method_name),
                ("Duración", f"{sessions} sesiones de {minutes} minutos"),
            ),
            widths=(0.28, 0.72),
        ),
        Paragraph(f"Ejes articuladores: {project['ejes']}."),
        Paragraph(f"Propósito. {project['proposito']}"),
    ]
    number = 1
    for phase, steps in phases:
        items = tuple(f"{step}. {_fill(text, project)}" for step, text in steps)
        last = number + len(items) - 1
        title = f"Fase de {phase.lower()}: sesiones {number} a {last}" if len(phases) > 1 else "Secuencia de sesiones"
        blocks.append(Items(title, items, start=number))
        number = last + 1
    blocks.append(Paragraph(_fill(rng.choice(EVALUATION), project)))
    blocks.append(Note("Para la reflexión docente", rng.choice(REFLECTIONS)))
    return blocks


def _projects(rng):
    """Every project in a seeded order, again and again with other durations and assessments."""
    while True:
        for project in pick(rng, PROJECTS, len(PROJECTS)):
            yield tuple(project_plan(rng, project))  # a project is never cut at the end of the chapter


WORKED_PROJECTS = (
    Paragraph(
        "En este capítulo se presentan diez proyectos comentados para la Fase 5. Cada uno indica su "
        "escenario, el campo formativo principal, la metodología, los ejes articuladores y una secuencia de "
        "sesiones que sigue las fases de la metodología. Son ejemplos para adaptar, no planeaciones para "
        "copiar."
    ),
    Paragraph(
        "Antes de elegir un proyecto conviene preguntarse si responde a una situación real del grupo o de la "
        "comunidad, si las alumnas y los alumnos pueden tomar decisiones en él y si su producto final "
        "interesará a alguien fuera del aula."
    ),
)


def _session(rng):
    project = rng.choice(PROJECTS)
    method_name, phases = METHODS[project["metodo"]]
    phase, steps = rng.choice(phases)
    step, text = rng.choice(steps)
    minutes = rng.choice([45, 50, 60])
    return Note(
        f"Ejemplo de sesión: {project['titulo']}",
        f"Momento «{step}» ({method_name.lower()}). "
        f"{_fill(text, project)} Inicio (10 minutos): se recuerda lo hecho en la sesión anterior y se "
        f"presenta el propósito del día. Desarrollo ({minutes - 20} minutos): trabajo en equipos con roles "
        "definidos. Cierre (10 minutos): cada equipo comparte un avance y una duda.",
    )


# -- 9. Families and community ----------------------------------------------------------------------------------
FAMILIES = (
    Paragraph(
        "Las familias son aliadas del aprendizaje. Conocen a sus hijas e hijos, guardan saberes valiosos de la "
        "comunidad y pueden participar en los proyectos como informantes, como público o como "
        "colaboradoras. Para que participen, la escuela necesita abrir espacios en horarios posibles y con un "
        "lenguaje claro."
    ),
    Paragraph(
        "Las reuniones con las familias son más útiles cuando se centran en lo que el grupo está aprendiendo y "
        "en cómo apoyarlo desde casa, con ejemplos concretos de trabajos de las alumnas y los alumnos, y no "
        "solo en las calificaciones o en la disciplina."
    ),
    Paragraph(
        "La comunidad también enseña: una cooperativa, un centro de salud, un mercado, una radio comunitaria "
        "o un grupo de danza pueden ser escenarios de aprendizaje. Visitarlos o invitar a sus integrantes a "
        "la escuela enriquece los proyectos y los conecta con la vida real."
    ),
    Note(
        "Sugerencia",
        "Al cierre de cada proyecto, inviten a las familias a ver los productos del grupo y pidan su "
        "opinión sobre lo que les gustaría aprender juntos en el siguiente.",
    ),
)
FAMILIES_QUESTIONS = (
    "¿En qué horarios y formatos pueden participar las familias de su escuela?",
    "¿Qué saberes de las familias podrían enriquecer el próximo proyecto?",
    "¿Qué instituciones u organizaciones de la comunidad podrían ser escenarios de aprendizaje?",
    "¿Cómo comunicarán a las familias el propósito de cada proyecto?",
)


IDEAS = {
    "fase": (
        "Al inicio del ciclo, pidan al grupo que dibuje un mapa de su comunidad con los lugares que más visita. El "
        "mapa servirá para elegir proyectos y para conocer mejor a cada estudiante.",
        "Organicen una reunión breve con quien atendió al grupo el ciclo anterior para compartir qué proyectos "
        "funcionaron y qué aprendizajes quedaron pendientes.",
        "Acuerden con el grupo un reglamento de convivencia escrito por las propias alumnas y los propios alumnos, y "
        "revísenlo cada mes.",
    ),
    "fields": (
        "Antes de iniciar un proyecto, dibujen en el pizarrón cuatro columnas, una por campo formativo, y pidan al "
        "grupo que proponga qué podría aprender en cada una.",
        "Una visita al mercado puede tocar los cuatro campos: entrevistar a quienes venden, registrar precios y "
        "pesos, investigar el origen de los productos y reflexionar sobre la alimentación.",
        "Conserven en el salón un rincón de lectura con textos en las lenguas que se hablan en la comunidad.",
    ),
    "axes": (
        "Revisen los carteles y los materiales del salón: ¿muestran a mujeres y hombres en actividades diversas? "
        "¿Aparecen personas de distintos pueblos y personas con discapacidad?",
        "Propongan al grupo analizar una noticia con cuatro preguntas: ¿quién la escribió?, ¿para qué?, ¿qué pruebas "
        "ofrece?, ¿qué voces faltan?",
        "Inviten a una persona de la comunidad que practique un oficio artístico, como la alfarería o el bordado, "
        "para que comparta su saber con el grupo.",
    ),
    "programmes": (
        "Para la lectura de la realidad, el grupo puede aplicar una encuesta breve a sus familias sobre los "
        "problemas y las fortalezas de la comunidad.",
        "Registren los acuerdos del programa analítico en un documento sencillo que cualquier docente de la escuela "
        "pueda consultar.",
        "Un contenido de codiseño puede surgir de las preguntas del propio grupo: anoten las que las alumnas y los "
        "alumnos hacen con frecuencia.",
    ),
    "projects": (
        "Para elegir un proyecto, el grupo puede votar entre tres propuestas que haya argumentado por escrito.",
        "Asignen roles rotativos en los equipos: coordinación, registro, materiales y comunicación.",
        "Un calendario visible en el salón ayuda a que el grupo sepa en qué fase del proyecto está y qué falta.",
    ),
    "assessment": (
        "Al cierre de cada sesión, pidan a cada estudiante que escriba en una tarjeta una cosa que aprendió y una "
        "duda. Leerlas toma pocos minutos y orienta la siguiente clase.",
        "Un portafolio con tres trabajos de distintos momentos del proyecto muestra el avance mejor que un solo "
        "producto final.",
        "Antes de revisar un borrador, acuerden con el grupo dos o tres criterios claros y escríbanlos en el pizarrón.",
    ),
    "families": (
        "Envíen a casa una pregunta del proyecto para conversar en familia; por ejemplo: ¿a qué jugaban cuando "
        "eran niñas o niños?",
        "Organicen una feria de saberes en la que las familias enseñen algo que saben hacer: cocinar un platillo, "
        "tejer o reparar una bicicleta.",
        "Cuando una familia no pueda asistir a la escuela, busquen otras formas de participar: un audio, una carta o "
        "una visita breve.",
    ),
}


def _chapter(title, pages, lesson, asked, ideas, *extra):
    """A chapter whose practice mixes questions for the staff, a sample session and ideas for the classroom."""
    makers = [
        questions(asked, 3, "Preguntas para el colectivo docente."),
        _session,
        one_of(tuple(("Idea para el aula", idea) for idea in ideas)),
        *extra,
    ]
    return Chapter(title, pages, lesson, rounds("Para el trabajo en colectivo", makers))


BOOK = Book(
    slug="guia-docente-fase-5",
    title="Guía docente de muestra: proyectos en la Fase 5",
    subtitle="Quinto y sexto grados de primaria",
    short_title="Guía docente, Fase 5",
    color=(0.55, 0.24, 0.45),
    presentation=(
        "Esta guía está dirigida a las maestras y los maestros que atienden quinto y sexto grados de primaria, la "
        "Fase 5 del Plan de Estudio 2022. Explica de manera breve los campos formativos, los ejes articuladores, el "
        "programa analítico, las metodologías sociocríticas y la evaluación formativa, y ofrece diez proyectos "
        "comentados con secuencias de sesiones.",
        "Cada capítulo cierra con preguntas para el trabajo en colectivo, pensadas para las sesiones del Consejo "
        "Técnico Escolar, y con ejemplos de sesiones que pueden adaptarse a cada grupo y a cada comunidad.",
    ),
    chapters=(
        _chapter("La Nueva Escuela Mexicana y la Fase 5", 6, FASE, FASE_QUESTIONS, IDEAS["fase"]),
        _chapter("Los campos formativos", 8, FIELDS, FIELDS_QUESTIONS, IDEAS["fields"]),
        _chapter("Los ejes articuladores", 8, AXES, AXES_QUESTIONS, IDEAS["axes"]),
        _chapter(
            "Del programa sintético al programa analítico", 6, PROGRAMMES, PROGRAMMES_QUESTIONS, IDEAS["programmes"]
        ),
        _chapter("Trabajar por proyectos", 8, PROJECTS_INTRO, PROJECTS_QUESTIONS, IDEAS["projects"]),
        _chapter(
            "Evaluación formativa",
            9,
            ASSESSMENT,
            ASSESSMENT_QUESTIONS,
            IDEAS["assessment"],
            _rubric,
            _checklist,
            _anecdotal_record,
        ),
        _chapter("Inclusión y atención a la diversidad", 6, INCLUSION, INCLUSION_QUESTIONS, ADJUSTMENTS),
        Chapter("Proyectos comentados", 37, WORKED_PROJECTS, _projects),
        _chapter("Trabajo con las familias y la comunidad", 5, FAMILIES, FAMILIES_QUESTIONS, IDEAS["families"]),
    ),
    seed=3,
    keywords=(
        "guía docente",
        "Fase 5",
        "Nueva Escuela Mexicana",
        "proyectos",
        "evaluación formativa",
        "material de muestra",
    ),
)

FORMATIVE_ASSESSMENT_PAGE = BOOK.start_of("Evaluación formativa")
