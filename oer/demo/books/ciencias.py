"""The sample fifth-grade natural-sciences book: lessons written by hand, activities, and seeded records to analyse."""

from .model import Book, Chapter, Heading, Note, Paragraph, Table
from .numbers import decimal, grouped
from .practice import fill_in, one_of, pick, questions, rounds, sort_into

# A sentence that only page PHOTOSYNTHESIS_PAGE of this book holds (tests search for it).
PHOTOSYNTHESIS_SENTENCE = (
    "La fotosíntesis es el proceso por el cual las plantas, las algas y algunas bacterias transforman la "
    "energía de la luz en energía química."
)

NAMES = [
    "Ana",
    "Tomás",
    "Lucía",
    "Mateo",
    "Ximena",
    "Diego",
    "Valeria",
    "Emiliano",
    "Renata",
    "Santiago",
    "Itzel",
    "Joaquín",
    "Camila",
    "Uriel",
    "Fernanda",
    "Iker",
    "Paola",
    "Emilio",
    "Guadalupe",
    "Yael",
]
BY_THE_SEA = 100  # °C at which pure water boils at sea level


# -- 1. The cell ---------------------------------------------------------------------------------------------
CELL = (
    Paragraph(
        "Todos los seres vivos están formados por células. Algunos, como las bacterias, son una sola célula; "
        "otros, como las plantas, los animales y las personas, están formados por una enorme cantidad de "
        "ellas: el cuerpo humano tiene decenas de billones de células. Por eso se dice que la célula es la "
        "unidad básica de la vida: es la parte más pequeña de un ser vivo que puede nutrirse, crecer y "
        "reproducirse."
    ),
    Paragraph(
        "La mayoría de las células son tan pequeñas que no se pueden ver a simple vista. Para observarlas se "
        "usa el microscopio, un instrumento que aumenta muchas veces el tamaño de la imagen. En el siglo "
        "XVII, Robert Hooke observó un corte delgado de corcho y llamó «células» a las pequeñas cavidades "
        "que vio, porque le recordaron las celdas de un panal."
    ),
    Heading("Las partes de la célula"),
    Paragraph(
        "Aunque hay células de muchas formas y tamaños, casi todas tienen tres partes básicas. La membrana "
        "celular es una cubierta delgada que rodea a la célula y controla qué sustancias entran y salen. El "
        "citoplasma es el material que llena el interior de la célula; en él se realizan muchas de sus "
        "funciones. El núcleo contiene el material genético, que guarda la información para el "
        "funcionamiento de la célula y se transmite cuando esta se reproduce. Las bacterias no tienen "
        "núcleo: su material genético está en el citoplasma."
    ),
    Table(
        ("Parte de la célula", "Qué hace"),
        (
            ("Membrana celular", "Rodea a la célula y controla lo que entra y sale"),
            ("Citoplasma", "Llena la célula; ahí ocurren muchas de sus funciones"),
            ("Núcleo", "Guarda el material genético"),
            ("Pared celular", "Da forma y protección a las células de las plantas"),
            ("Cloroplastos", "Realizan la fotosíntesis en las células vegetales"),
        ),
        "Las partes de la célula y sus funciones.",
        widths=(0.3, 0.7),
    ),
    Heading("Células de plantas y de animales"),
    Paragraph(
        "Las células de las plantas tienen, además, una pared celular rígida que las protege y les da forma, "
        "y unos organelos verdes llamados cloroplastos, donde se realiza la fotosíntesis. También suelen "
        "tener una vacuola grande que almacena agua. Las células animales no tienen pared celular ni "
        "cloroplastos, y su forma es más variable."
    ),
    Note(
        "Dato interesante",
        "Hay células enormes y diminutas. La yema de un huevo de avestruz es una sola célula, "
        "mientras que algunas bacterias miden menos de una milésima de milímetro.",
    ),
    Heading("De las células a los organismos"),
    Paragraph(
        "En los organismos formados por muchas células, estas se especializan y trabajan juntas. Las células "
        "parecidas que cumplen una misma función forman tejidos, como el tejido muscular; varios tejidos "
        "forman órganos, como el corazón; y varios órganos forman sistemas, como el sistema circulatorio. "
        "El conjunto de sistemas forma el organismo completo."
    ),
    Paragraph(
        "Las neuronas transmiten señales, los glóbulos rojos transportan oxígeno en la sangre y las células "
        "de la piel nos protegen. Cada tipo de célula tiene una forma adecuada para su función: las "
        "neuronas, por ejemplo, tienen prolongaciones largas para comunicarse con otras células."
    ),
)
CELL_FACTS = (
    "La {célula} es la unidad básica de todos los seres vivos.",
    "La {membrana celular} controla qué sustancias entran y salen de la célula.",
    "El {núcleo} contiene el material genético de la célula.",
    "El {citoplasma} llena el interior de la célula.",
    "Los {cloroplastos} son organelos verdes de las células vegetales.",
    "La {pared celular} da rigidez a las células de las plantas.",
    "Para observar células se usa el {microscopio}.",
    "Un conjunto de células parecidas que cumplen una función forma un {tejido}.",
    "Varios tejidos que trabajan juntos forman un {órgano}.",
    "Las {bacterias} están formadas por una sola célula y no tienen núcleo.",
    "Las {neuronas} transmiten señales en el sistema nervioso.",
    "Los {glóbulos rojos} transportan oxígeno en la sangre.",
)
CELL_QUESTIONS = (
    "¿Por qué se dice que la célula es la unidad básica de la vida?",
    "¿Qué diferencias hay entre una célula vegetal y una célula animal?",
    "¿Para qué sirve el microscopio?",
    "¿Qué función tiene la membrana celular?",
    "Menciona un ejemplo de tejido, uno de órgano y uno de sistema de tu cuerpo.",
    "¿Por qué crees que las neuronas tienen prolongaciones tan largas?",
    "¿Qué observó Robert Hooke y por qué llamó células a lo que vio?",
)
CELL_ACTIVITIES = (
    (
        "Actividad: células de cebolla",
        "Con ayuda de una persona adulta, desprende la capa delgada y transparente "
        "que hay entre las capas de una cebolla. Colócala extendida sobre un portaobjetos, agrega una gota de agua con "
        "unas gotas de tintura de yodo y cúbrela con un cubreobjetos. Obsérvala al microscopio, primero con el menor "
        "aumento y después con uno mayor. Dibuja lo que ves y señala la pared celular y el núcleo.",
    ),
    (
        "Actividad: un modelo de célula",
        "Construye un modelo de célula animal con una bolsa de plástico "
        "transparente (la membrana), gel para el cabello o grenetina (el citoplasma) y una pelota pequeña (el "
        "núcleo). Después piensa qué le agregarías para convertirlo en una célula vegetal.",
    ),
    (
        "Actividad: ¿de qué tamaño es una célula?",
        "Una célula típica del cuerpo humano mide alrededor de una "
        "centésima de milímetro. Dibuja una línea de un milímetro en tu cuaderno y calcula cuántas células cabrían, "
        "una junto a otra, a lo largo de ella.",
    ),
)
SAMPLES = (
    ("Epidermis de cebolla", "Alargadas, como ladrillos", "Sí, teñido con yodo"),
    ("Mucosa de la mejilla", "Redondeadas e irregulares", "Sí, con colorante"),
    ("Hoja de elodea", "Rectangulares, con puntos verdes", "A veces"),
    ("Corte de corcho", "Cavidades vacías", "No: son células muertas"),
    ("Pulpa de jitomate", "Redondas y grandes", "Con dificultad"),
)


def _microscope_record(rng):
    rows = tuple(
        (sample, f"{rng.choice([40, 100, 400])}×", shape, nucleus) for sample, shape, nucleus in pick(rng, SAMPLES, 3)
    )
    name = rng.choice(NAMES)
    return Table(
        ("Muestra", "Aumento", "Forma de las células", "¿Se ve el núcleo?"),
        rows,
        f"Registro de {name} en el laboratorio escolar. ¿Qué muestras son de plantas? ¿Cómo lo sabes?",
        widths=(0.24, 0.13, 0.35, 0.28),
    )


# -- 2. Plants -------------------------------------------------------------------------------------------
PLANTS = (
    Paragraph(
        "Las plantas son seres vivos que fabrican su propio alimento. Aunque no se desplazan de un lugar a "
        "otro, responden a su ambiente: sus tallos se inclinan hacia la luz y sus raíces crecen hacia abajo "
        "y hacia donde hay agua. La mayoría de las plantas que conocemos tiene raíz, tallo y hojas, y muchas "
        "producen flores, frutos y semillas."
    ),
    Heading("La raíz"),
    Paragraph(
        "La raíz fija la planta al suelo y absorbe el agua y las sales minerales que necesita. Muchas raíces "
        "tienen pelos absorbentes, muy finos, que aumentan la superficie de contacto con el suelo. Algunas "
        "raíces almacenan alimento, como la zanahoria, el camote y el rábano."
    ),
    Heading("El tallo"),
    Paragraph(
        "El tallo sostiene las hojas, las flores y los frutos, y por su interior corren conductos que "
        "transportan sustancias. Por unos conductos sube el agua con minerales desde la raíz hasta las hojas; "
        "por otros se reparte a toda la planta el alimento fabricado en las hojas. Los tallos pueden ser "
        "leñosos, como el de un árbol, o herbáceos, como el de una planta de frijol."
    ),
    Paragraph(
        "Algunos tallos tienen funciones especiales: el nopal y otras cactáceas almacenan agua en sus tallos "
        "carnosos, y la papa es un tallo subterráneo que guarda alimento."
    ),
    Heading("La hoja"),
    Paragraph(
        "Las hojas son los órganos donde la planta fabrica su alimento. Suelen ser delgadas y anchas para "
        "captar mucha luz. En su superficie tienen poros diminutos llamados estomas, por los que entra el "
        "dióxido de carbono del aire y salen oxígeno y vapor de agua."
    ),
    Heading("Flores, frutos y semillas"),
    Paragraph(
        "Las flores son los órganos de reproducción de muchas plantas. Cuando el polen llega al pistilo de "
        "una flor ocurre la polinización, que muchas veces realizan abejas, colibríes, murciélagos o el "
        "viento. Después de la fecundación, una parte de la flor se transforma en fruto, que protege a las "
        "semillas. Cada semilla contiene una pequeña planta en espera de germinar."
    ),
    Paragraph(
        "Para germinar, una semilla necesita agua, aire y una temperatura adecuada. Al principio, la plántula "
        "se alimenta de las reservas de la semilla; cuando desarrolla sus primeras hojas verdes, empieza a "
        "fabricar su propio alimento."
    ),
    Note(
        "Dato interesante",
        "México es centro de origen y de domesticación de plantas que hoy se cultivan en todo "
        "el mundo, como el maíz, el frijol, la calabaza, el chile y el aguacate.",
    ),
)
PLANT_FACTS = (
    "La {raíz} fija la planta al suelo y absorbe agua y sales minerales.",
    "El {tallo} sostiene las hojas, las flores y los frutos.",
    "Los {estomas} son poros diminutos de las hojas.",
    "La {polinización} ocurre cuando el polen llega al pistilo de una flor.",
    "El {fruto} protege a las semillas.",
    "La {papa} es un tallo subterráneo que guarda alimento.",
    "Los {pelos absorbentes} aumentan la superficie de la raíz en contacto con el suelo.",
    "Para germinar, una semilla necesita agua, aire y una {temperatura} adecuada.",
    "Las abejas, los colibríes y los {murciélagos} pueden polinizar las flores.",
)
PLANT_QUESTIONS = (
    "¿Qué funciones tiene la raíz de una planta?",
    "¿Por qué las hojas suelen ser delgadas y anchas?",
    "¿Qué necesita una semilla para germinar?",
    "¿Cómo llega el agua desde el suelo hasta las hojas?",
    "¿Por qué son importantes los polinizadores, como las abejas y los murciélagos?",
    "¿De qué se alimenta una plántula antes de tener hojas verdes?",
    "Nombra tres plantas que se domesticaron en México y di qué parte de cada una comemos.",
)
PLANT_ACTIVITIES = (
    (
        "Actividad: el apio que cambia de color",
        "Coloca un tallo de apio con hojas en un vaso con agua y unas gotas "
        "de colorante vegetal. Al día siguiente observa las hojas y, con ayuda de una persona adulta, corta el tallo "
        "de forma transversal: verás puntos de color en los conductos por donde subió el agua.",
    ),
    (
        "Actividad: un germinador",
        "En un frasco de vidrio coloca papel absorbente húmedo y, entre el papel y el "
        "vidrio, tres o cuatro semillas de frijol. Mantén el papel húmedo, sin encharcarlo, y registra cada dos días "
        "lo que observes: cuándo aparece la raíz, cuándo el tallo y cuándo las primeras hojas.",
    ),
    (
        "Actividad: los estomas",
        "Unta una capa delgada de barniz de uñas transparente en la cara inferior de una "
        "hoja. Cuando se seque, despégala con cinta adhesiva transparente, pégala en un portaobjetos y obsérvala al "
        "microscopio: las pequeñas aberturas que verás son los estomas.",
    ),
)
EDIBLE_PARTS = (
    "zanahoria",
    "camote",
    "rábano",
    "betabel",
    "papa",
    "nopal",
    "espárrago",
    "caña de azúcar",
    "lechuga",
    "espinaca",
    "acelga",
    "coliflor",
    "brócoli",
    "flor de calabaza",
    "jitomate",
    "aguacate",
    "chile",
    "frijol",
    "lenteja",
    "cacahuate",
    "granos de maíz",
)


def _germination_record(rng):
    name = rng.choice(NAMES)
    heights = [0.0, round(rng.uniform(0.3, 1.2), 1)]
    for step in (rng.uniform(1.5, 3.0), rng.uniform(2.5, 4.0), rng.uniform(2.0, 4.5)):
        heights.append(round(heights[-1] + step, 1))
    row = ("Altura (cm)", *(decimal(h, 1) for h in heights))
    return Table(
        ("Día", "2", "4", "6", "8", "10"),
        (row,),
        f"{name} registró la altura de su plántula de frijol. ¿Entre qué días creció más? ¿Cuánto creció en total?",
        widths=(0.25,) + (0.15,) * 5,
    )


# -- 3. Photosynthesis ---------------------------------------------------------------------------------------
PHOTOSYNTHESIS = (
    Paragraph(
        PHOTOSYNTHESIS_SENTENCE + " Con agua y dióxido de carbono fabrican glucosa, que es su alimento, y "
        "liberan oxígeno. Es uno de los procesos más importantes del planeta: de él depende casi toda la vida "
        "en la Tierra."
    ),
    Paragraph(
        "Para realizar la fotosíntesis, la planta necesita cuatro cosas: agua, que absorbe la raíz; dióxido "
        "de carbono, que toma del aire por los estomas; luz, que casi siempre viene del Sol; y clorofila, el "
        "pigmento verde que está dentro de los cloroplastos y que captura la energía de la luz."
    ),
    Note(
        "La fotosíntesis en pocas palabras",
        "Agua + dióxido de carbono + energía de la luz producen glucosa + "
        "oxígeno. Con símbolos químicos: 6 CO2 + 6 H2O, con la energía de la luz, forman C6H12O6 + 6 O2.",
    ),
    Heading("¿Qué hace la planta con la glucosa?"),
    Paragraph(
        "La glucosa es un azúcar que la planta usa como fuente de energía y como materia prima para construir "
        "su cuerpo. Con ella fabrica almidón, que guarda como reserva en raíces, tallos y semillas, y "
        "celulosa, que forma las paredes de sus células. Cuando comemos tortillas, papas o frijoles, "
        "aprovechamos la energía que las plantas almacenaron gracias a la fotosíntesis."
    ),
    Heading("El oxígeno que respiramos"),
    Paragraph(
        "El oxígeno que se libera en la fotosíntesis sale de la hoja por los estomas y pasa al aire. Las "
        "plantas terrestres y los organismos fotosintéticos del mar, como las algas, producen el oxígeno que "
        "respiramos los animales y las personas. Se calcula que cerca de la mitad del oxígeno del planeta se "
        "produce en el océano."
    ),
    Paragraph(
        "Las plantas también respiran: de día y de noche toman oxígeno y liberan dióxido de carbono para "
        "obtener energía de la glucosa. Durante el día, sin embargo, producen mucho más oxígeno del que "
        "consumen."
    ),
    Heading("Factores que influyen en la fotosíntesis"),
    Paragraph(
        "La cantidad de fotosíntesis que realiza una planta depende de la intensidad de la luz, de la cantidad "
        "de dióxido de carbono, de la temperatura y del agua disponible. Si una planta pasa muchos días a la "
        "sombra o sin agua, fabrica menos alimento, crece menos y sus hojas pueden ponerse amarillas."
    ),
    Note(
        "Un experimento histórico",
        "En el siglo XVIII, Joseph Priestley colocó una vela encendida en un "
        "recipiente cerrado y vio que se apagaba. Después puso una ramita de menta en el recipiente y, días más "
        "tarde, la vela pudo arder de nuevo: la planta había «restaurado» el aire. Hoy sabemos que había liberado "
        "oxígeno.",
    ),
)
PHOTOSYNTHESIS_FACTS = (
    "La {clorofila} es el pigmento verde que captura la energía de la luz.",
    "La fotosíntesis ocurre en los {cloroplastos}.",
    "Las plantas toman el {dióxido de carbono} del aire a través de los estomas.",
    "En la fotosíntesis las plantas liberan {oxígeno}.",
    "La planta fabrica {glucosa}, un azúcar que le sirve de alimento.",
    "La planta guarda reservas de alimento en forma de {almidón}.",
    "Con la glucosa la planta fabrica {celulosa}, que forma las paredes de sus células.",
    "La energía que usan las plantas para la fotosíntesis casi siempre viene del {Sol}.",
)
PHOTOSYNTHESIS_QUESTIONS = (
    "¿Qué necesita una planta para realizar la fotosíntesis?",
    "¿Por qué se dice que casi toda la vida en la Tierra depende de la fotosíntesis?",
    "¿Qué pasaría con una planta que se deja varios días en un cuarto oscuro?",
    "Explica con tus palabras la relación entre la fotosíntesis y el oxígeno que respiras.",
    "¿Las plantas respiran? ¿Cuándo lo hacen?",
    "¿De dónde viene la energía que obtenemos al comer una tortilla?",
    "¿Qué demostró el experimento de Joseph Priestley con la vela y la menta?",
)
PHOTOSYNTHESIS_ACTIVITIES = (
    (
        "Actividad: almidón en las hojas",
        "Con ayuda de una persona adulta, hierve una hoja de geranio unos minutos "
        "para ablandarla. Después sumérgela en alcohol caliente a baño María, nunca directamente sobre el fuego, "
        "para quitarle el color verde. Enjuágala y agrega unas gotas de tintura de yodo: las zonas que se tiñen de "
        "azul oscuro contienen almidón, fabricado durante la fotosíntesis.",
    ),
    (
        "Actividad: una hoja a oscuras",
        "Cubre con papel aluminio una parte de una hoja de una planta en maceta, sin "
        "cortarla, y déjala así tres o cuatro días. Después quita el papel y compara el color de la parte cubierta "
        "con el resto de la hoja. Si haces la prueba del almidón, ¿qué esperas encontrar en la parte que no recibió "
        "luz?",
    ),
    (
        "Actividad: burbujas de oxígeno",
        "Coloca una rama de elodea, una planta acuática que se consigue en las "
        "tiendas de peces, dentro de un vaso con agua y ponla cerca de una lámpara o al sol. Después de unos minutos "
        "verás pequeñas burbujas que salen de la planta: son principalmente oxígeno.",
    ),
)


def _bubbles_record(rng):
    name = rng.choice(NAMES)
    count = rng.randint(34, 48)
    counts = []
    for _distance in range(5):
        counts.append(count)
        count = max(1, int(count * rng.uniform(0.45, 0.7)))
    return Table(
        ("Distancia a la lámpara", "10 cm", "20 cm", "30 cm", "40 cm", "50 cm"),
        (("Burbujas por minuto", *map(str, counts)),),
        f"{name} contó las burbujas que soltaba una rama de elodea a distintas distancias de una lámpara. "
        "¿A qué distancia hubo más burbujas? ¿Qué gas contienen? ¿Qué relación hay entre la luz y la "
        "fotosíntesis?",
        widths=(0.3,) + (0.14,) * 5,
    )


# -- 4. Nutrition and respiration ------------------------------------------------------------------------------
NUTRITION = (
    Paragraph(
        "Todos los seres vivos necesitan nutrirse: obtener materia y energía para crecer, reparar su cuerpo y "
        "realizar sus actividades. Las plantas y las algas son autótrofas, porque fabrican su propio "
        "alimento con la fotosíntesis. Los animales, los hongos y muchas bacterias son heterótrofos: "
        "obtienen su alimento de otros seres vivos o de sus restos."
    ),
    Paragraph(
        "Los animales se alimentan de distintas maneras. Los herbívoros, como el venado y el conejo, comen "
        "plantas; los carnívoros, como el lince y el águila, comen otros animales; y los omnívoros, como el "
        "tlacuache y el ser humano, comen plantas y animales."
    ),
    Paragraph(
        "Los hongos absorben su alimento de la materia sobre la que crecen, como la madera podrida o las hojas "
        "caídas. Al hacerlo descomponen los restos de los seres vivos y devuelven nutrientes al suelo."
    ),
    Heading("La respiración"),
    Paragraph(
        "Para aprovechar la energía de los alimentos, las células realizan la respiración celular: combinan la "
        "glucosa con oxígeno y liberan energía, dióxido de carbono y agua. Casi todos los seres vivos "
        "respiran, aunque lo hacen con estructuras distintas."
    ),
    Paragraph(
        "Los peces respiran con branquias, que toman el oxígeno disuelto en el agua. Los insectos tienen "
        "tráqueas, tubos que llevan el aire a todo su cuerpo. Las ranas adultas respiran con pulmones y "
        "también a través de su piel húmeda, y los mamíferos, las aves y los reptiles respiran con "
        "pulmones."
    ),
    Note(
        "Recuerda",
        "La respiración celular es casi lo contrario de la fotosíntesis: la fotosíntesis guarda la "
        "energía de la luz en la glucosa, y la respiración la libera para que el organismo la use.",
    ),
)
NUTRITION_FACTS = (
    "Las plantas son {autótrofas} porque fabrican su propio alimento.",
    "Los animales son {heterótrofos}: obtienen su alimento de otros seres vivos.",
    "Los {herbívoros} se alimentan de plantas.",
    "Los {omnívoros} comen plantas y animales.",
    "Los peces respiran con {branquias}.",
    "Los insectos respiran por medio de {tráqueas}.",
    "Las ranas adultas respiran con pulmones y a través de su {piel}.",
    "En la respiración celular la glucosa se combina con {oxígeno}.",
)
NUTRITION_QUESTIONS = (
    "¿Qué diferencia hay entre un organismo autótrofo y uno heterótrofo?",
    "¿Cómo se alimentan los hongos? ¿Por qué son importantes en la naturaleza?",
    "¿Por qué necesitan respirar las células?",
    "¿Por qué un pez no puede respirar fuera del agua?",
    "¿Qué tienen en común la respiración de una planta y la de un perro?",
    "Da un ejemplo de animal herbívoro, uno carnívoro y uno omnívoro de tu región.",
)
NUTRITION_ACTIVITIES = (
    (
        "Actividad: el aliento y el agua de cal",
        "Con un popote, sopla suavemente dentro de un vaso con agua de cal. "
        "Observa cómo se pone turbia: el dióxido de carbono que sale en tu aliento reacciona con la cal. Repite con un "
        "vaso de agua de cal al que solo le llegue el aire de la habitación y compara.",
    ),
    (
        "Actividad: hongos que inflan un globo",
        "En una botella con agua tibia disuelve dos cucharadas de azúcar y "
        "una de levadura. Cubre la boca de la botella con un globo y espera media hora. Las levaduras, que son hongos "
        "microscópicos, se alimentan del azúcar y liberan dióxido de carbono, que infla el globo.",
    ),
)
ANIMALS = (
    "venado",
    "conejo",
    "vaca",
    "lince",
    "águila real",
    "tiburón",
    "jaguar",
    "serpiente de cascabel",
    "coyote",
    "tlacuache",
    "oso negro",
    "mapache",
    "tortuga verde adulta",
    "caballo",
)
BREATHERS = (
    "trucha",
    "tiburón",
    "saltamontes",
    "mariposa",
    "abeja",
    "rana adulta",
    "delfín",
    "ballena gris",
    "perro",
    "iguana",
    "gallina",
    "mojarra",
)


# -- 5. Ecosystems -------------------------------------------------------------------------------------------
ECOSYSTEMS = (
    Paragraph(
        "Un ecosistema es el conjunto formado por los seres vivos de un lugar y el medio físico en el que "
        "viven, junto con las relaciones que hay entre ellos. Un bosque, un lago, un arrecife o incluso un "
        "charco son ecosistemas."
    ),
    Paragraph(
        "En todo ecosistema hay componentes bióticos, que son los seres vivos (plantas, animales, hongos y "
        "microorganismos), y componentes abióticos, que son los elementos sin vida, como la luz del Sol, el "
        "agua, el suelo, el aire y la temperatura. Los seres vivos dependen de los componentes abióticos y, "
        "a la vez, los modifican."
    ),
    Heading("Productores, consumidores y descomponedores"),
    Paragraph(
        "Las plantas y las algas son los productores del ecosistema: con la fotosíntesis fabrican el alimento "
        "del que dependen los demás. Los consumidores obtienen su energía al comer a otros seres vivos: los "
        "consumidores primarios comen productores, y los secundarios y terciarios comen a otros "
        "consumidores. Los descomponedores, como los hongos y muchas bacterias, transforman los restos de "
        "plantas y animales en nutrientes que regresan al suelo."
    ),
    Paragraph(
        "Una cadena alimentaria muestra quién se come a quién. En un pastizal, por ejemplo, el pasto es comido "
        "por el chapulín, el chapulín por la lagartija y la lagartija por el halcón. En la naturaleza las "
        "cadenas se entrelazan y forman redes alimentarias, porque casi todos los animales comen más de un "
        "tipo de alimento."
    ),
    Note(
        "Recuerda",
        "En cada paso de una cadena alimentaria se aprovecha solo una parte pequeña de la energía; el "
        "resto se gasta en las actividades de cada organismo y se pierde como calor. Por eso en un ecosistema hay "
        "muchos más productores que consumidores.",
    ),
    Heading("Ecosistemas de México"),
    Paragraph(
        "Gracias a su relieve y a su posición entre dos océanos, México tiene una gran variedad de "
        "ecosistemas. En el sureste hay selvas húmedas, con árboles muy altos y lluvia abundante; en las "
        "montañas, bosques templados de pinos y encinos; en el norte, extensos desiertos y matorrales con "
        "cactáceas; y en las costas, manglares y arrecifes de coral."
    ),
    Paragraph(
        "Los manglares crecen donde el agua dulce de los ríos se mezcla con el agua salada del mar. Protegen "
        "las costas de los huracanes, filtran el agua y son la guardería de muchos peces y crustáceos."
    ),
    Paragraph(
        "Cuando un componente del ecosistema cambia, los demás resienten el cambio. Si se tala un bosque, el "
        "suelo se erosiona con la lluvia, los animales pierden su refugio y disminuye el agua que se filtra a "
        "los mantos subterráneos."
    ),
)
ECOSYSTEM_FACTS = (
    "Los seres vivos de un ecosistema son sus componentes {bióticos}.",
    "La luz, el agua y la temperatura son componentes {abióticos}.",
    "Las plantas son los {productores} del ecosistema.",
    "Los hongos y muchas bacterias son {descomponedores}.",
    "Una {cadena alimentaria} muestra quién se come a quién.",
    "Las cadenas alimentarias se entrelazan y forman {redes alimentarias}.",
    "Los {manglares} crecen donde el agua dulce se mezcla con el agua de mar.",
    "Los consumidores {primarios} se alimentan de productores.",
)
ECOSYSTEM_QUESTIONS = (
    "¿Qué es un ecosistema? Da dos ejemplos de tu región.",
    "¿Qué pasaría en un ecosistema si desaparecieran los descomponedores?",
    "¿Por qué hay más productores que consumidores en un ecosistema?",
    "¿Cómo protegen los manglares a las comunidades de la costa?",
    "¿Qué consecuencias tiene la tala de un bosque?",
    "Explica la diferencia entre una cadena alimentaria y una red alimentaria.",
)
ECOSYSTEM_ACTIVITIES = (
    (
        "Actividad: un ecosistema en un frasco",
        "En un frasco grande de boca ancha coloca una capa de piedritas, otra "
        "de tierra y algunas plantas pequeñas con musgo. Riégalo un poco, ciérralo y déjalo cerca de una ventana, sin "
        "sol directo. Observa durante varias semanas: ¿de dónde sale el agua que se forma en las paredes?",
    ),
    (
        "Actividad: el ecosistema del patio",
        "Con un cordón, marca un cuadrado de un metro por lado en el patio o en "
        "un jardín. Anota todos los componentes bióticos y abióticos que encuentres y cuenta los seres vivos que veas. "
        "No retires ni lastimes a ningún animal.",
    ),
    (
        "Actividad: descomponedores en acción",
        "Coloca un trozo de pan húmedo en una bolsa transparente, ciérrala y "
        "obsérvala cada día sin abrirla. Dibuja los cambios: los hongos que aparecen descomponen el pan. Al terminar, "
        "tira la bolsa cerrada a la basura.",
    ),
)
FOOD_CHAINS = (
    ("pasto", "chapulín", "lagartija", "halcón"),
    ("fitoplancton", "zooplancton", "sardina", "atún"),
    ("bellotas de encino", "ardilla", "gato montés"),
    ("semillas de mezquite", "rata canguro", "serpiente de cascabel"),
    ("frutos de la selva", "tepezcuintle", "jaguar"),
    ("algas", "renacuajo", "pez", "garza"),
    ("maíz", "ratón de campo", "lechuza"),
    ("hojas de encino", "oruga", "pájaro carpintero"),
)
ECOSYSTEM_TABLE = (
    ("Selva húmeda", "ceiba, caoba, chicozapote", "jaguar, mono araña, tucán"),
    ("Bosque templado", "pino, encino, oyamel", "venado cola blanca, ardilla"),
    ("Desierto", "biznaga, gobernadora, mezquite", "correcaminos, liebre, coyote"),
    ("Manglar", "mangle rojo, mangle blanco", "cangrejo, garza, cocodrilo"),
    ("Arrecife de coral", "algas, pastos marinos", "corales, pez loro, tortuga"),
)
COMPONENTS = (
    "hongo",
    "temperatura",
    "agua",
    "encino",
    "lombriz",
    "roca",
    "bacteria",
    "viento",
    "luz solar",
    "musgo",
    "arena",
    "mariposa",
)


def _food_chain(rng):
    items = []
    for chain in pick(rng, FOOD_CHAINS, 3):
        shuffled = list(chain)
        while shuffled == list(chain):
            rng.shuffle(shuffled)
        items.append(", ".join(shuffled))
    return questions(
        tuple(items), 3, "Ordena los seres vivos para formar una cadena alimentaria. Empieza por el productor."
    )(rng)


def _ecosystem_table(rng):
    return Table(
        ("Ecosistema", "Plantas", "Animales"),
        tuple(pick(rng, ECOSYSTEM_TABLE, 3)),
        "Elige uno de estos ecosistemas y dibuja una red alimentaria con sus seres vivos.",
        widths=(0.24, 0.38, 0.38),
    )


PATIO = {
    "hormigas": (10, 60),
    "lombrices": (0, 8),
    "plantas de pasto": (20, 80),
    "cochinillas": (0, 12),
    "caracoles": (0, 5),
    "arañas": (0, 4),
    "tréboles": (2, 20),
    "escarabajos": (0, 5),
}


def _patio_count(rng):
    rows = tuple((being.capitalize(), str(rng.randint(*PATIO[being]))) for being in pick(rng, PATIO, 5))
    name = rng.choice(NAMES)
    return Table(
        ("Ser vivo", "Cantidad en 1 m²"),
        rows,
        f"Conteo de {name} en un metro cuadrado del patio. ¿Cuáles son productores y cuáles consumidores?",
        widths=(0.6, 0.4),
    )


# -- 6. Biodiversity ---------------------------------------------------------------------------------------------
BIODIVERSITY = (
    Paragraph(
        "La biodiversidad es la variedad de seres vivos que hay en un lugar: la diversidad de especies, la "
        "diversidad genética dentro de cada especie y la diversidad de ecosistemas. México es uno de los "
        "países megadiversos del mundo: se calcula que en su territorio vive cerca del 10 % de las especies "
        "conocidas del planeta."
    ),
    Paragraph(
        "Muchas especies son endémicas, es decir, solo viven en México. Algunos ejemplos son el ajolote de "
        "Xochimilco, la vaquita marina del Alto Golfo de California, el conejo de los volcanes o teporingo y "
        "numerosas especies de cactáceas."
    ),
    Paragraph(
        "México también es centro de origen de plantas que se cultivan en todo el mundo. Los pueblos "
        "originarios domesticaron el maíz a partir del teocintle hace miles de años, y conservaron una gran "
        "diversidad de variedades de maíz, frijol, calabaza y chile."
    ),
    Heading("Especies en peligro"),
    Paragraph(
        "La pérdida de los ecosistemas, la contaminación, la cacería y el comercio ilegal, y la llegada de "
        "especies invasoras ponen en riesgo a muchas especies. La vaquita marina, la marsopa más pequeña del "
        "mundo, está en peligro crítico de extinción porque queda atrapada en redes de pesca."
    ),
    Paragraph(
        "El ajolote vive en los canales de Xochimilco y es famoso por su capacidad de regenerar partes de su "
        "cuerpo, como las patas. La contaminación del agua y la llegada de peces como la carpa y la tilapia "
        "han reducido mucho su población en estado silvestre."
    ),
    Note(
        "Áreas naturales protegidas",
        "Para conservar la biodiversidad, México cuenta con áreas naturales "
        "protegidas, como las reservas de la biosfera de Sian Ka'an, en Quintana Roo, y de Calakmul, en Campeche. "
        "En ellas se protegen los ecosistemas y se promueven actividades que no los dañan.",
    ),
    Paragraph(
        "Cada persona puede contribuir: no comprar animales silvestres, no liberar mascotas en el campo, "
        "sembrar plantas nativas y cuidar el agua."
    ),
)
BIODIVERSITY_FACTS = (
    "México es un país {megadiverso}.",
    "Una especie {endémica} solo vive en un lugar determinado.",
    "El {ajolote} puede regenerar partes de su cuerpo.",
    "La {vaquita marina} vive en el Alto Golfo de California.",
    "El maíz se domesticó a partir del {teocintle}.",
    "El {teporingo} es un conejo que vive en los volcanes del centro de México.",
    "Calakmul y Sian Ka'an son {reservas de la biosfera}.",
)
BIODIVERSITY_QUESTIONS = (
    "¿Qué significa que México sea un país megadiverso?",
    "¿Qué es una especie endémica? Menciona dos ejemplos.",
    "¿Por qué está en peligro la vaquita marina?",
    "¿Qué puedes hacer tú para proteger la biodiversidad de tu región?",
    "¿Por qué es importante conservar las distintas variedades de maíz?",
    "¿Qué es una especie invasora? ¿Cómo afectan la carpa y la tilapia al ajolote?",
)
ENDEMIC = (
    ("Ajolote", "Canales de Xochimilco, Ciudad de México"),
    ("Vaquita marina", "Alto Golfo de California"),
    ("Teporingo", "Bosques de los volcanes del centro de México"),
    ("Perrito de la pradera mexicano", "Pastizales del altiplano del norte de México"),
    ("Cotorra serrana occidental", "Bosques de pino de la Sierra Madre Occidental"),
    ("Tortuga de caja de Coahuila", "Pozas de Cuatro Ciénegas, Coahuila"),
)
INVESTIGATIONS = (
    "Investiga qué especies nativas de plantas hay en tu comunidad y para qué se usan.",
    "Investiga qué área natural protegida está más cerca de tu localidad y qué ecosistema protege.",
    "Pregunta a personas mayores qué animales veían de niñas o niños y ya no se ven. ¿Por qué crees "
    "que desaparecieron?",
    "Investiga cuántas variedades de maíz se cultivan en tu estado.",
    "Investiga qué significa que una especie esté «en peligro de extinción» según la ley mexicana.",
)


def _endemic_table(rng):
    return Table(
        ("Especie endémica", "Dónde vive"),
        tuple(pick(rng, ENDEMIC, 3)),
        "Elige una especie de la tabla e investiga de qué se alimenta y qué la pone en riesgo.",
        widths=(0.4, 0.6),
    )


# -- 7. The human body -----------------------------------------------------------------------------------------
BODY = (
    Paragraph(
        "El cuerpo humano funciona gracias a que sus sistemas trabajan de manera coordinada. El sistema "
        "digestivo obtiene los nutrientes de los alimentos; el respiratorio toma el oxígeno del aire; el "
        "circulatorio lleva nutrientes y oxígeno a todas las células; y el excretor elimina los desechos. El "
        "sistema nervioso coordina todas estas funciones."
    ),
    Heading("El sistema digestivo"),
    Paragraph(
        "La digestión comienza en la boca, donde los dientes trituran los alimentos y la saliva empieza a "
        "transformarlos. El bolo alimenticio pasa por el esófago al estómago, donde los jugos gástricos "
        "continúan la digestión. En el intestino delgado los nutrientes pasan a la sangre, y en el intestino "
        "grueso se absorbe agua y se forman las heces."
    ),
    Heading("El sistema respiratorio"),
    Paragraph(
        "El aire entra por la nariz, donde se calienta, se humedece y se filtra; después pasa por la faringe, "
        "la laringe, la tráquea y los bronquios hasta llegar a los pulmones. En los alvéolos pulmonares, "
        "pequeños sacos rodeados de vasos sanguíneos, el oxígeno pasa a la sangre y el dióxido de carbono "
        "sale de ella para ser expulsado al exhalar."
    ),
    Heading("El sistema circulatorio"),
    Paragraph(
        "El corazón es un músculo que bombea la sangre a todo el cuerpo a través de arterias, venas y "
        "capilares. En reposo, el corazón de una niña o un niño de tu edad late alrededor de 70 a 100 veces "
        "por minuto; durante el ejercicio late más rápido, porque los músculos necesitan más oxígeno."
    ),
    Paragraph(
        "El sistema nervioso, formado por el encéfalo, la médula espinal y los nervios, recibe la información "
        "de los sentidos, la procesa y envía órdenes a los músculos y a los órganos. Gracias a él retiramos "
        "la mano cuando tocamos algo caliente o reconocemos la voz de una amiga."
    ),
    Note(
        "Cuida tu cuerpo",
        "Dormir entre 9 y 12 horas, hacer al menos una hora diaria de actividad física, comer "
        "alimentos variados y tomar agua simple son hábitos que mantienen sanos tus sistemas.",
    ),
)
BODY_FACTS = (
    "La digestión comienza en la {boca}.",
    "En el {intestino delgado} los nutrientes pasan a la sangre.",
    "En los {alvéolos} el oxígeno pasa a la sangre.",
    "El {corazón} bombea la sangre a todo el cuerpo.",
    "La sangre viaja por arterias, venas y {capilares}.",
    "El encéfalo, la médula espinal y los nervios forman el sistema {nervioso}.",
    "El {esófago} lleva el bolo alimenticio de la boca al estómago.",
    "En el intestino grueso se absorbe {agua}.",
)
BODY_QUESTIONS = (
    "¿Cómo trabajan juntos el sistema respiratorio y el circulatorio?",
    "¿Por qué el corazón late más rápido cuando haces ejercicio?",
    "Describe el camino que sigue un bocado de tortilla desde la boca hasta el intestino.",
    "¿Qué función tiene la nariz en la respiración?",
    "¿Qué hábitos te ayudan a cuidar tu sistema digestivo?",
    "¿Qué hace el sistema nervioso cuando tocas algo muy caliente?",
)
BODY_ACTIVITIES = (
    (
        "Actividad: mide tu pulso",
        "Coloca dos dedos, el índice y el medio, en la parte interna de tu muñeca, del "
        "lado del pulgar, o a un costado del cuello. Cuenta los latidos durante 15 segundos y multiplica el resultado "
        "por 4 para saber cuántas veces late tu corazón en un minuto.",
    ),
    (
        "Actividad: un modelo de pulmón",
        "Corta por la mitad una botella de plástico y usa la parte de arriba. Mete "
        "un globo dentro, sujeto a un popote que pase por la tapa, y cubre la base abierta con otro globo cortado. "
        "Al jalar hacia abajo el globo de la base, el globo de adentro se infla, como los pulmones cuando baja el "
        "diafragma.",
    ),
    (
        "Actividad: ¿cuánto mide tu intestino?",
        "El intestino delgado de una persona adulta mide alrededor de 6 a 7 "
        "metros. Corta un estambre de esa longitud y extiéndelo en el patio. ¿Cómo cabe algo tan largo dentro del "
        "abdomen?",
    ),
)
ORGANS = (
    "estómago",
    "pulmones",
    "corazón",
    "riñones",
    "tráquea",
    "hígado",
    "esófago",
    "venas",
    "encéfalo",
    "médula espinal",
    "intestino delgado",
    "arterias",
    "vejiga",
    "bronquios",
)


def _pulse_record(rng):
    rest = rng.randint(72, 98)
    walk = rest + rng.randint(8, 20)
    jump = rest + rng.randint(40, 70)
    after = rest + rng.randint(2, 10)
    name = rng.choice(NAMES)
    return Table(
        ("Momento", "Latidos por minuto"),
        (
            ("En reposo", str(rest)),
            ("Después de caminar 2 minutos", str(walk)),
            ("Después de saltar 2 minutos", str(jump)),
            ("Después de descansar 5 minutos", str(after)),
        ),
        f"Registro del pulso de {name}. ¿Cuándo latió más rápido su corazón? ¿Por qué?",
        widths=(0.6, 0.4),
    )


# -- 8. Healthy eating -------------------------------------------------------------------------------------------
FOOD = (
    Paragraph(
        "Los alimentos nos dan la energía y los nutrimentos que el cuerpo necesita para crecer, moverse, "
        "pensar y defenderse de las enfermedades. Ningún alimento contiene por sí solo todos los nutrimentos; "
        "por eso es importante comer de manera variada."
    ),
    Paragraph(
        "El Plato del Bien Comer es una guía que se usa en México para orientar la alimentación. Divide los "
        "alimentos en tres grupos: verduras y frutas; cereales y tubérculos; y leguminosas y alimentos de "
        "origen animal. Recomienda incluir alimentos de los tres grupos en cada comida, comer muchas "
        "verduras y frutas, preferir los cereales integrales, combinar cereales con leguminosas y consumir "
        "pocos alimentos de origen animal."
    ),
    Table(
        ("Grupo", "Ejemplos"),
        (
            ("Verduras y frutas", "nopal, calabacita, jitomate, guayaba, naranja"),
            ("Cereales y tubérculos", "tortilla de maíz, avena, arroz, amaranto, papa"),
            ("Leguminosas", "frijol, lenteja, haba, garbanzo"),
            ("Alimentos de origen animal", "huevo, leche, queso, pollo, pescado"),
        ),
        "Las leguminosas y los alimentos de origen animal forman un mismo grupo del Plato del Bien Comer.",
        widths=(0.36, 0.64),
    ),
    Heading("La Jarra del Buen Beber"),
    Paragraph(
        "La bebida más saludable es el agua simple potable. La Jarra del Buen Beber recomienda tomarla en "
        "abundancia y limitar los refrescos y las bebidas azucaradas, que aportan mucha azúcar y casi ningún "
        "otro nutrimento."
    ),
    Heading("Leer las etiquetas"),
    Paragraph(
        "En México, los alimentos empacados llevan sellos octagonales negros que advierten cuando tienen "
        "exceso de calorías, azúcares, grasas saturadas, grasas trans o sodio. Entre menos sellos tenga un "
        "producto, mejor; y lo mejor es preferir alimentos frescos, que no necesitan etiqueta."
    ),
    Note(
        "Recuerda",
        "Una alimentación correcta es completa, equilibrada, suficiente, variada, inocua y adecuada a "
        "la cultura y a las posibilidades de cada familia.",
    ),
    Paragraph(
        "La comida tradicional mexicana, basada en el maíz, el frijol, la calabaza, el chile y los quelites, "
        "es un buen ejemplo de alimentación variada. La combinación de tortilla de maíz y frijoles aporta "
        "proteínas de buena calidad."
    ),
)
FOOD_FACTS = (
    "El Plato del Bien Comer divide los alimentos en {tres} grupos.",
    "La bebida más saludable es el {agua simple}.",
    "La tortilla de maíz pertenece al grupo de los {cereales} y tubérculos.",
    "El frijol y la lenteja son {leguminosas}.",
    "Los {sellos} octagonales advierten excesos en los alimentos empacados.",
    "Una alimentación {variada} incluye alimentos distintos cada día.",
    "La combinación de tortilla y frijoles aporta {proteínas} de buena calidad.",
)
FOOD_QUESTIONS = (
    "¿Cuáles son los tres grupos del Plato del Bien Comer?",
    "¿Por qué conviene combinar cereales con leguminosas?",
    "¿Qué advierten los sellos negros de los productos empacados?",
    "¿Por qué es mejor tomar agua simple que refresco?",
    "Escribe un desayuno que incluya alimentos de los tres grupos.",
    "¿Qué platillos tradicionales de tu comunidad combinan maíz y frijol?",
)
FOODS = (
    "nopal",
    "tortilla de maíz",
    "frijol",
    "huevo",
    "guayaba",
    "avena",
    "lenteja",
    "pollo",
    "calabacita",
    "papa",
    "queso",
    "amaranto",
    "garbanzo",
    "naranja",
    "pescado",
    "arroz",
    "haba",
    "jitomate",
    "leche",
    "quelites",
)
# A cereal with a legume, as the Plato del Bien Comer advises, then a vegetable and a fruit.
MAIN_DISHES = (
    "Tortillas de maíz con frijoles de la olla",
    "Arroz con lentejas",
    "Sopa de habas con tortillas de maíz",
    "Tacos de garbanzo guisado en tortilla de maíz",
    "Tlacoyos de frijol",
)
SIDES = ("nopales asados", "calabacitas", "ensalada de jitomate y lechuga", "quelites", "chayote")
DESSERTS = ("una mandarina", "una rebanada de papaya", "un plátano", "una guayaba", "jícama con limón")


def _menu(rng):
    return Note(
        "Ejemplo de comida con los tres grupos",
        f"{rng.choice(MAIN_DISHES)}, {rng.choice(SIDES)} y, de "
        f"postre, {rng.choice(DESSERTS)}. Para beber, agua simple.",
    )


def _food_diary(rng):
    days = pick(rng, ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes"), 3)
    return Table(
        ("Día", "Desayuno", "Comida", "Cena"),
        tuple(
            (day, "", "", "") for day in sorted(days, key=("Lunes", "Martes", "Miércoles", "Jueves", "Viernes").index)
        ),
        "Anota lo que comes tres días y marca de qué grupo es cada alimento. ¿Comiste de los tres grupos?",
        widths=(0.16, 0.28, 0.28, 0.28),
    )


# -- 9. Water --------------------------------------------------------------------------------------------------
WATER = (
    Paragraph(
        "El agua cubre alrededor de tres cuartas partes de la superficie de la Tierra, pero casi toda es agua "
        "salada de los océanos. Solo una pequeña parte es agua dulce, y la mayor parte de esa agua dulce está "
        "congelada en los glaciares y los polos o se encuentra bajo tierra."
    ),
    Paragraph(
        "El agua de la Tierra está en constante movimiento en un proceso llamado ciclo del agua. El calor del "
        "Sol evapora el agua de mares, ríos y lagos, y las plantas liberan vapor de agua por sus hojas, un "
        "proceso llamado transpiración. Al subir, el vapor se enfría y se condensa en gotas diminutas que "
        "forman las nubes. Cuando las gotas crecen, caen como lluvia, granizo o nieve: es la precipitación."
    ),
    Paragraph(
        "Parte del agua que cae escurre por la superficie hasta los ríos y el mar, y otra parte se infiltra en "
        "el suelo y llena los acuíferos, de donde se extrae con pozos. Después, el ciclo comienza de nuevo."
    ),
    Note(
        "Recuerda",
        "En el ciclo del agua no se crea agua nueva: es la misma agua que circula desde hace millones "
        "de años, cambiando de estado entre sólido, líquido y gas.",
    ),
    Heading("Cuidar el agua"),
    Paragraph(
        "En muchas regiones de México el agua escasea, y algunos acuíferos se agotan porque se extrae más agua "
        "de la que se recarga. Reparar fugas, cerrar la llave mientras te enjabonas, reutilizar el agua y "
        "captar agua de lluvia son acciones que ayudan."
    ),
)
WATER_FACTS = (
    "La {evaporación} convierte el agua líquida en vapor.",
    "En la {condensación} el vapor forma gotas diminutas que forman las nubes.",
    "La lluvia, el granizo y la nieve son formas de {precipitación}.",
    "El agua que se {infiltra} en el suelo llena los acuíferos.",
    "Las plantas liberan vapor de agua por sus hojas en la {transpiración}.",
    "La mayor parte del agua de la Tierra es agua {salada}.",
)
WATER_QUESTIONS = (
    "¿Qué papel tiene el Sol en el ciclo del agua?",
    "¿Por qué se dice que en el ciclo del agua no se crea agua nueva?",
    "¿De dónde viene el agua que llega a tu casa?",
    "¿Qué acciones puede hacer tu familia para ahorrar agua?",
    "¿Qué es un acuífero y por qué algunos se están agotando?",
)
WATER_ACTIVITIES = (
    (
        "Actividad: el ciclo del agua en una bolsa",
        "Dibuja en una bolsa de plástico transparente el Sol, unas "
        "nubes y el mar. Pon dentro un poco de agua con colorante azul, ciérrala bien y pégala en una ventana "
        "soleada. Observa durante varios días cómo el agua se evapora, se condensa en las paredes y escurre de "
        "nuevo.",
    ),
    (
        "Actividad: lluvia en un frasco",
        "Llena un frasco con agua caliente de la llave hasta la mitad y tápalo con "
        "un plato con hielos. Observa cómo se forman gotas bajo el plato y caen: es un modelo de la condensación y "
        "la precipitación.",
    ),
)
MONTHS = ("Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic")
RAIN = (
    (5, 15),
    (5, 15),
    (5, 20),
    (10, 30),
    (30, 60),
    (100, 160),
    (120, 180),
    (110, 170),
    (90, 150),
    (30, 70),
    (5, 20),
    (3, 12),
)  # millimetres a month in a town of central Mexico


def _rain_record(rng):
    values = [str(rng.randint(low, high)) for low, high in RAIN]
    town = rng.choice(["Tlaxcala", "Morelia", "Toluca", "Puebla", "Guanajuato"])
    return Table(
        ("Mes", *MONTHS[:6]),
        (("Lluvia (mm)", *values[:6]), ("Mes", *MONTHS[6:]), ("Lluvia (mm)", *values[6:])),
        f"Lluvia registrada en {town} durante un año. ¿En qué meses llovió más? ¿Cuánto llovió en todo el año?",
        widths=(0.22,) + (0.13,) * 6,
    )


def _leak(rng):
    millilitres = rng.choice([20, 30, 40, 50, 60, 80])
    per_day = millilitres * 6 * 24
    return Note(
        "Ejemplo resuelto",
        f"Una llave que gotea llenó {millilitres} mL en 10 minutos. En una hora gotea "
        f"{millilitres} × 6 = {millilitres * 6} mL, y en un día {millilitres * 6} × 24 = {grouped(per_day)} mL, "
        f"es decir, {decimal(per_day / 1000, 2)} litros que se desperdician cada día.",
    )


# -- 10. Matter -----------------------------------------------------------------------------------------------
MATTER = (
    Paragraph(
        "Materia es todo lo que tiene masa y ocupa un lugar en el espacio: el agua, el aire, una piedra y "
        "nuestro propio cuerpo. La materia se presenta principalmente en tres estados: sólido, líquido y "
        "gaseoso."
    ),
    Paragraph(
        "Los sólidos tienen forma y volumen propios, como una piedra o un lápiz. Los líquidos tienen volumen "
        "propio pero toman la forma del recipiente que los contiene, como el agua o el aceite. Los gases no "
        "tienen forma ni volumen fijos: se expanden hasta ocupar todo el espacio disponible, como el aire "
        "dentro de un globo."
    ),
    Heading("Cambios de estado"),
    Paragraph(
        "Al calentar o enfriar la materia, puede cambiar de estado. La fusión es el paso de sólido a líquido, "
        "como el hielo que se derrite; la solidificación, de líquido a sólido; la evaporación, de líquido a "
        "gas; y la condensación, de gas a líquido, como las gotas que aparecen por fuera de un vaso con agua "
        "fría."
    ),
    Paragraph(
        "El agua pura hierve a 100 grados Celsius al nivel del mar. En lugares altos, como la Ciudad de "
        "México, hierve a una temperatura menor, alrededor de 93 grados, porque la presión del aire es más "
        "baja."
    ),
    Note(
        "Cuidado",
        "Cuando hagas experimentos con calor, trabaja siempre con una persona adulta, usa recipientes "
        "resistentes y no acerques la cara al vapor: puede causar quemaduras.",
    ),
    Paragraph(
        "La masa de un objeto no cambia cuando cambia de estado: un cubo de hielo que se derrite se convierte "
        "en la misma cantidad de agua líquida."
    ),
)
MATTER_FACTS = (
    "Los {sólidos} tienen forma y volumen propios.",
    "Los {líquidos} toman la forma del recipiente que los contiene.",
    "Los {gases} se expanden hasta ocupar todo el espacio disponible.",
    "La {fusión} es el paso de sólido a líquido.",
    "La {solidificación} es el paso de líquido a sólido.",
    "La {condensación} es el paso de gas a líquido.",
    "Al nivel del mar, el agua pura hierve a {100} grados Celsius.",
)
MATTER_QUESTIONS = (
    "¿Qué es la materia? Da cinco ejemplos.",
    "¿Por qué el agua hierve a menor temperatura en la Ciudad de México que en Veracruz?",
    "¿Qué cambio de estado ocurre cuando se seca la ropa tendida al sol?",
    "¿Por qué aparecen gotas por fuera de un vaso con agua muy fría?",
    "¿Cambia la masa del agua cuando se congela? Explica.",
)
MATTER_ACTIVITIES = (
    (
        "Actividad: ¿el aire ocupa un lugar?",
        "Pega un trozo de papel arrugado en el fondo de un vaso. Voltea el "
        "vaso boca abajo y sumérgelo en una cubeta con agua sin inclinarlo. Sácalo y revisa el papel: sigue seco "
        "porque el aire dentro del vaso no dejó entrar el agua.",
    ),
    (
        "Actividad: ¿qué se derrite primero?",
        "Coloca en platos iguales un cubo de hielo, un trozo de chocolate y un "
        "poco de mantequilla, y déjalos al sol. Registra cada cinco minutos cuál ha cambiado de estado.",
    ),
)
MATERIALS = (
    "piedra",
    "aceite",
    "vapor de agua",
    "leche",
    "madera",
    "aire",
    "hielo",
    "miel",
    "clavo de hierro",
    "jugo de naranja",
    "gas de una estufa",
    "arena",
)
PLACES = (("Veracruz", BY_THE_SEA), ("Ciudad de México", 93), ("Mazatlán", BY_THE_SEA), ("Toluca", 91))


def _boiling_record(rng):
    place, boil = rng.choice(PLACES)
    temperature = rng.randint(18, 24)
    values = []
    for _minute in range(8):
        values.append(temperature)
        temperature = min(boil, temperature + rng.randint(12, 18))
    return Table(
        ("Minuto", *map(str, range(8))),
        (("Temperatura (°C)", *map(str, values)),),
        f"Temperatura del agua al calentarla en {place}. ¿A qué temperatura empezó a hervir? ¿Qué pasó con "
        "la temperatura mientras hervía?",
        widths=(0.28,) + (0.09,) * 8,
    )


# -- 11. The environment ----------------------------------------------------------------------------------------
ENVIRONMENT = (
    Paragraph(
        "Las actividades humanas transforman el ambiente. Para producir alimentos, energía y objetos usamos "
        "agua, suelo, bosques y minerales, y generamos residuos y contaminación. Cuidar el ambiente significa "
        "aprovechar la naturaleza sin agotarla ni dañarla, para que las próximas generaciones también "
        "puedan disfrutarla."
    ),
    Paragraph(
        "Una forma de hacerlo es seguir la regla de las tres erres: reducir lo que consumimos, reutilizar los "
        "objetos todas las veces que se pueda y reciclar los materiales para fabricar otros nuevos. De las "
        "tres, reducir es la más importante, porque el residuo que no se produce no contamina."
    ),
    Paragraph(
        "Separar los residuos facilita su aprovechamiento. Los residuos orgánicos, como las cáscaras y los "
        "restos de comida, pueden convertirse en composta, un abono para las plantas. Muchos residuos "
        "inorgánicos, como el vidrio, el metal y algunos plásticos, pueden reciclarse."
    ),
    Note(
        "Recuerda",
        "Quemar basura contamina el aire y daña la salud. Los residuos peligrosos, como las pilas, los "
        "medicamentos caducos y el aceite usado, deben llevarse a centros de acopio.",
    ),
)
ENVIRONMENT_FACTS = (
    "{Reducir} es la más importante de las tres erres.",
    "Con los residuos orgánicos se puede hacer {composta}.",
    "Las {pilas} son residuos peligrosos que van a centros de acopio.",
    "{Reutilizar} un objeto es usarlo de nuevo.",
    "{Reciclar} es transformar un material usado en uno nuevo.",
)
ENVIRONMENT_QUESTIONS = (
    "¿Por qué reducir es más importante que reciclar?",
    "¿Qué residuos de tu casa podrían convertirse en composta?",
    "¿Por qué no se debe quemar la basura?",
    "Propón tres acciones para reducir la basura en tu escuela.",
)
ENVIRONMENT_ACTIVITIES = (
    (
        "Actividad: una compostera",
        "En un rincón del patio o en una caja de madera, alterna capas de residuos "
        "orgánicos (cáscaras de fruta y verdura, hojas secas, restos de café) con capas de tierra. Mantenla húmeda y "
        "revuélvela cada semana. En unos meses tendrás un abono oscuro para las plantas.",
    ),
    (
        "Actividad: ¿cuánta basura generamos?",
        "Durante una semana, pesa con una báscula de cocina la basura que "
        "genera tu familia, separada en orgánica e inorgánica. Al final, suma los pesos y propón cómo reducirlos.",
    ),
)
WASTE = (
    "cáscara de plátano",
    "botella de vidrio",
    "restos de tortilla",
    "lata de aluminio",
    "hojas secas",
    "envase de plástico",
    "cascarón de huevo",
    "bolsa de frituras",
    "bagazo de naranja",
    "tapa metálica",
)

EARTH = (
    Paragraph(
        "La superficie de la Tierra no está quieta. La capa exterior del planeta, la corteza, está dividida en "
        "grandes piezas llamadas placas tectónicas, que se desplazan unos cuantos centímetros cada año. Cuando "
        "dos placas chocan, se separan o se rozan, la energía acumulada se libera de golpe y el suelo tiembla: "
        "eso es un sismo, también llamado temblor o terremoto."
    ),
    Paragraph(
        "México está sobre cinco placas tectónicas, por eso en nuestro país tiembla con frecuencia, sobre todo en "
        "Guerrero, Oaxaca, Chiapas, Michoacán y la Ciudad de México. El lugar bajo la tierra donde se origina el "
        "sismo se llama hipocentro, y el punto de la superficie que está justo encima, epicentro."
    ),
    Heading("El sismógrafo"),
    Paragraph(
        "El sismógrafo es el instrumento que detecta y registra los movimientos del suelo. Antes usaba una aguja "
        "que dibujaba líneas sobre un rollo de papel; hoy los sensores envían los datos a una computadora. El "
        "registro, llamado sismograma, permite calcular dónde ocurrió el sismo y cuánta energía liberó, su "
        "magnitud. El Servicio Sismológico Nacional tiene estaciones en todo el país y la alerta sísmica avisa "
        "segundos antes de que llegue el movimiento."
    ),
    Heading("Los volcanes"),
    Paragraph(
        "Los volcanes también se forman donde se encuentran las placas. Por su chimenea sale magma, roca fundida "
        "del interior de la Tierra que, al llegar a la superficie, se llama lava. El Popocatépetl, el Volcán de "
        "Fuego de Colima y el Paricutín, que nació en un campo de cultivo de Michoacán en 1943, son volcanes "
        "mexicanos."
    ),
    Note(
        "Recuerda",
        "Durante un sismo conserva la calma, aléjate de ventanas y objetos que puedan caer y ubícate en una zona "
        "de menor riesgo. Con tu familia, prepara una mochila de emergencia y participa en los simulacros.",
    ),
)
EARTH_FACTS = (
    "El {sismógrafo} registra los movimientos del suelo.",
    "La corteza terrestre está dividida en {placas} tectónicas.",
    "El {epicentro} es el punto de la superficie encima del hipocentro.",
    "El magma que sale por un volcán se llama {lava}.",
    "El registro de un sismo se llama {sismograma}.",
)
EARTH_QUESTIONS = (
    "¿Por qué tiembla tan seguido en México?",
    "¿Qué diferencia hay entre el hipocentro y el epicentro?",
    "¿Qué debes hacer durante un sismo?",
    "¿Qué volcanes de México conoces?",
)
EARTH_ACTIVITIES = (
    (
        "Actividad: un sismógrafo casero",
        "Cuelga un plumón de una caja de cartón de modo que su punta toque una tira de papel. Mientras "
        "alguien jala la tira despacio, otra persona mueve la mesa: las líneas que dibuja el plumón muestran "
        "cómo se registra un temblor.",
    ),
    (
        "Actividad: nuestro plan familiar",
        "Dibuja el plano de tu casa, marca las zonas de menor riesgo y las salidas, y "
        "escribe qué lleva su mochila de emergencia.",
    ),
)


def _waste_record(rng):
    days = ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes")
    rows = tuple(
        (day, grouped(rng.randint(300, 1200)), grouped(rng.randint(150, 600)), grouped(rng.randint(50, 300)))
        for day in days
    )
    return Table(
        ("Día", "Orgánicos (g)", "Plásticos (g)", "Vidrio y metal (g)"),
        rows,
        "Residuos de una familia durante una semana. ¿Qué tipo de residuo fue el más abundante? ¿Cuántos "
        "gramos sumaron en total los orgánicos?",
        widths=(0.22, 0.26, 0.26, 0.26),
    )


def _chapter(title, pages, lesson, label, facts, asked, activities, *extra):
    """A chapter whose practice mixes fill-ins, questions, one activity and the chapter's own exercises."""
    return Chapter(title, pages, lesson, rounds(label, [fill_in(facts), questions(asked), one_of(activities), *extra]))


BOOK = Book(
    slug="ciencias-naturales-quinto",
    title="Ciencias naturales: la vida y su entorno",
    subtitle="Quinto grado de primaria",
    short_title="Ciencias naturales 5",
    color=(0.16, 0.52, 0.30),
    presentation=(
        "Este cuaderno invita a las alumnas y los alumnos de quinto grado a observar, preguntar y experimentar para "
        "comprender la vida y su entorno: las células, las plantas y la fotosíntesis, los ecosistemas y la "
        "biodiversidad de México, el cuerpo humano, la alimentación, el agua, la materia y los sismos.",
        "Cada capítulo explica las ideas principales y propone actividades que se pueden hacer en el salón o en casa "
        "con materiales sencillos. Haz siempre los experimentos con la ayuda de una persona adulta, anota tus "
        "observaciones y compáralas con las de tu grupo.",
    ),
    chapters=(
        _chapter(
            "La célula, unidad de la vida",
            16,
            CELL,
            "Observo y aprendo",
            CELL_FACTS,
            CELL_QUESTIONS,
            CELL_ACTIVITIES,
            _microscope_record,
        ),
        _chapter(
            "Las plantas: raíz, tallo y hojas",
            17,
            PLANTS,
            "Observo y aprendo",
            PLANT_FACTS,
            PLANT_QUESTIONS,
            PLANT_ACTIVITIES,
            _germination_record,
            sort_into(
                "Escribe si la parte que comemos de cada planta es raíz, tallo, hoja, flor, fruto o semilla.",
                EDIBLE_PARTS,
            ),
        ),
        _chapter(
            "La fotosíntesis",
            14,
            PHOTOSYNTHESIS,
            "Observo y aprendo",
            PHOTOSYNTHESIS_FACTS,
            PHOTOSYNTHESIS_QUESTIONS,
            PHOTOSYNTHESIS_ACTIVITIES,
            _bubbles_record,
        ),
        _chapter(
            "La nutrición y la respiración de los seres vivos",
            12,
            NUTRITION,
            "Observo y aprendo",
            NUTRITION_FACTS,
            NUTRITION_QUESTIONS,
            NUTRITION_ACTIVITIES,
            sort_into("Escribe si cada animal es herbívoro, carnívoro u omnívoro.", ANIMALS),
            sort_into(
                "Escribe cómo respira cada animal: con branquias, con pulmones, con tráqueas o con pulmones y piel.",
                BREATHERS,
                5,
            ),
        ),
        _chapter(
            "Los ecosistemas",
            16,
            ECOSYSTEMS,
            "Observo y aprendo",
            ECOSYSTEM_FACTS,
            ECOSYSTEM_QUESTIONS,
            ECOSYSTEM_ACTIVITIES,
            _food_chain,
            _ecosystem_table,
            _patio_count,
            sort_into("Escribe B si es un componente biótico o A si es abiótico.", COMPONENTS),
        ),
        _chapter(
            "La biodiversidad de México",
            12,
            BIODIVERSITY,
            "Observo y aprendo",
            BIODIVERSITY_FACTS,
            BIODIVERSITY_QUESTIONS,
            tuple(("Para investigar", text) for text in INVESTIGATIONS),
            _endemic_table,
        ),
        _chapter(
            "El cuerpo humano: sistemas que trabajan juntos",
            14,
            BODY,
            "Observo y aprendo",
            BODY_FACTS,
            BODY_QUESTIONS,
            BODY_ACTIVITIES,
            _pulse_record,
            sort_into("Escribe a qué sistema pertenece cada órgano.", ORGANS),
        ),
        _chapter(
            "Alimentación saludable",
            12,
            FOOD,
            "Observo y aprendo",
            FOOD_FACTS,
            FOOD_QUESTIONS,
            (
                (
                    "Actividad: lee las etiquetas",
                    "Reúne tres envases de productos que se consumen en tu casa. "
                    "Cuenta sus sellos de advertencia y ordénalos del que tiene menos al que tiene más. ¿Cuál "
                    "elegirías y por qué?",
                ),
            ),
            _menu,
            _food_diary,
            sort_into("Escribe a qué grupo del Plato del Bien Comer pertenece cada alimento.", FOODS),
        ),
        _chapter(
            "El agua y su ciclo",
            10,
            WATER,
            "Observo y aprendo",
            WATER_FACTS,
            WATER_QUESTIONS,
            WATER_ACTIVITIES,
            _rain_record,
            _leak,
        ),
        _chapter(
            "La materia y sus estados",
            10,
            MATTER,
            "Observo y aprendo",
            MATTER_FACTS,
            MATTER_QUESTIONS,
            MATTER_ACTIVITIES,
            _boiling_record,
            sort_into("Escribe si cada material es sólido, líquido o gaseoso a temperatura ambiente.", MATERIALS),
        ),
        _chapter(
            "Cuidamos el ambiente",
            8,
            ENVIRONMENT,
            "Observo y aprendo",
            ENVIRONMENT_FACTS,
            ENVIRONMENT_QUESTIONS,
            ENVIRONMENT_ACTIVITIES,
            _waste_record,
            sort_into("Escribe si cada residuo es orgánico o inorgánico.", WASTE),
        ),
        _chapter(
            "La Tierra en movimiento: sismos y volcanes",
            8,
            EARTH,
            "Observo y aprendo",
            EARTH_FACTS,
            EARTH_QUESTIONS,
            EARTH_ACTIVITIES,
        ),
    ),
    seed=7,
    keywords=("ciencias naturales", "fotosíntesis", "la célula", "ecosistemas", "quinto grado", "material de muestra"),
)

PHOTOSYNTHESIS_PAGE = BOOK.start_of("La fotosíntesis")
